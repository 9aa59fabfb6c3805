/* test-article.c: the article model.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cd-article.h"

static void
test_fields_roundtrip (void)
{
  g_autoptr (CdArticle) a = cd_article_new ();
  g_autoptr (CdArticle) b = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *tags = NULL;
  g_autofree char *embargo = NULL;

  g_assert_true (cd_article_set_field (a, "headline", "Flood waters rise in Passau", &error));
  g_assert_no_error (error);
  g_assert_true (cd_article_set_field (a, "tags", " floods, Bavaria ,, weather", &error));
  g_assert_true (cd_article_set_field (a, "status", "Ready for edit", &error));
  g_assert_true (cd_article_set_field (a, "embargo", "2026-03-01T09:00:00+01:00", &error));
  g_assert_true (cd_article_set_field (a, "length_target", "650", &error));

  g_assert_cmpstr (cd_article_get_headline (a), ==, "Flood waters rise in Passau");
  tags = cd_article_get_field (a, "tags");
  g_assert_cmpstr (tags, ==, "floods, Bavaria, weather");
  g_assert_cmpint (cd_article_get_status (a), ==, CD_ARTICLE_STATUS_READY_FOR_EDIT);
  embargo = cd_article_get_field (a, "embargo");
  g_assert_cmpstr (embargo, ==, "2026-03-01T09:00:00+01:00");
  g_assert_cmpuint (cd_article_get_length_target (a), ==, 650);

  b = cd_article_copy (a);
  g_assert_true (cd_article_equal (a, b));
  cd_article_set_dek (b, "Changed");
  g_assert_false (cd_article_equal (a, b));
}

static void
test_early_years (void)
{
  g_autoptr (GDateTime) old = g_date_time_new_utc (999, 3, 4, 5, 6, 7);
  g_autoptr (GTimeZone) plus_one = g_time_zone_new_offset (3600);
  g_autoptr (GDateTime) zoned = g_date_time_new (plus_one, 87, 1, 2, 3, 4, 5);
  g_autoptr (CdArticle) a = cd_article_new ();
  g_autofree char *text = cd_format_iso8601_utc (old);
  g_autofree char *embargo = NULL;
  g_autoptr (GDateTime) back = cd_parse_iso8601 (text);

  g_assert_cmpstr (text, ==, "0999-03-04T05:06:07Z");
  g_assert_true (g_date_time_equal (back, old));
  cd_article_set_embargo (a, zoned);
  embargo = cd_article_get_field (a, "embargo");
  g_assert_cmpstr (embargo, ==, "0087-01-02T03:04:05+01:00");
}

static void
test_fields_errors (void)
{
  g_autoptr (CdArticle) a = cd_article_new ();
  g_autoptr (GError) error = NULL;

  g_assert_false (cd_article_set_field (a, "colour", "red", &error));
  g_assert_error (error, CD_ARTICLE_ERROR, CD_ARTICLE_ERROR_UNKNOWN_FIELD);
  g_clear_error (&error);
  g_assert_false (cd_article_set_field (a, "status", "printed", &error));
  g_assert_error (error, CD_ARTICLE_ERROR, CD_ARTICLE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (cd_article_set_field (a, "embargo", "tomorrow", &error));
  g_assert_error (error, CD_ARTICLE_ERROR, CD_ARTICLE_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  /* Without a zone the moment is unknown; it is refused, not taken as UTC. */
  g_assert_false (cd_article_set_field (a, "embargo", "2026-03-01T09:00:00", &error));
  g_assert_error (error, CD_ARTICLE_ERROR, CD_ARTICLE_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "time zone"));
  g_clear_error (&error);
  g_assert_false (cd_article_set_field (a, "embargo", "2026-03-01 09:00:00", &error));
  g_clear_error (&error);
  g_assert_null (cd_article_get_embargo (a));
  g_assert_true (cd_article_set_field (a, "embargo", "2026-03-01 09:00:00Z", &error));
  g_assert_no_error (error);
  g_assert_true (cd_article_set_field (a, "embargo", "2026-03-01T09:00:00-05:00", &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_get_utc_offset (cd_article_get_embargo (a)) / G_TIME_SPAN_HOUR, ==, -5);
  g_assert_false (cd_article_set_field (a, "uuid", "x", &error));
  g_assert_error (error, CD_ARTICLE_ERROR, CD_ARTICLE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (cd_article_set_field (a, "headline", "bad \xff byte", &error));
  g_assert_error (error, CD_ARTICLE_ERROR, CD_ARTICLE_ERROR_INVALID_VALUE);
}

static void
test_words_and_slug (void)
{
  g_autofree char *slug = cd_make_slug ("Mayor’s plan: 3 new bridges for Köln — and don't wait!");

  g_assert_cmpuint (cd_count_words ("Don't stop the well-known *band* — ever."), ==, 6);
  /* Numbers, times and abbreviations are a word each; a comma or colon
   * between words is not. */
  g_assert_cmpuint (cd_count_words ("The U.S. spent $1,204.50 at 3:15 p.m., or 9.4%."), ==, 9);
  g_assert_cmpuint (cd_count_words ("Red,green and 3,a: Note:this."), ==, 7);
  g_assert_cmpuint (cd_count_words ("À l'Élysée, т.е. Straße.Über"), ==, 4);
  g_assert_cmpuint (cd_count_words (""), ==, 0);
  g_assert_cmpuint (cd_count_words ("Ünïcödé wörds zählen"), ==, 3);
  g_assert_cmpstr (slug, ==, "mayors-plan-3-new-bridges-for-koln-and-dont-wait");
}

static void
test_notify (void)
{
  g_autoptr (CdArticle) a = cd_article_new ();
  guint count = 0;

  g_signal_connect_swapped (a, "notify::headline", G_CALLBACK (g_atomic_int_inc), &count);
  cd_article_set_headline (a, "One");
  cd_article_set_headline (a, "One");
  cd_article_set_headline (a, "Two");
  g_assert_cmpuint (count, ==, 2);
}

/* A uuid is kept in lower case whichever way it came in. */
static void
test_uuid_case (void)
{
  g_autoptr (CdArticle) a = cd_article_new_with_uuid ("5F0C7A4E-2B1D-4C3A-9E8F-1A2B3C4D5E6F");
  g_autoptr (CdArticle) b = cd_article_new ();

  g_assert_cmpstr (cd_article_get_uuid (a), ==, "5f0c7a4e-2b1d-4c3a-9e8f-1a2b3c4d5e6f");
  cd_article_set_uuid (b, "0A1B2C3D-0000-4000-8000-ABCDEFABCDEF");
  g_assert_cmpstr (cd_article_get_uuid (b), ==, "0a1b2c3d-0000-4000-8000-abcdefabcdef");
  g_object_set (b, "uuid", "FFFFFFFF-0000-4000-8000-000000000000", NULL);
  g_assert_cmpstr (cd_article_get_uuid (b), ==, "ffffffff-0000-4000-8000-000000000000");
}

static void
test_strip_controls (void)
{
  g_autofree char *line = cd_text_strip_controls ("  Tram\r\nstrike\x07 \x1b[31m ends\t ", TRUE);
  g_autofree char *text = cd_text_strip_controls ("One\r\nTwo\rThree\tfour\xc2\x85\x7f", FALSE);
  g_autofree char *kept = cd_text_strip_controls ("Zürich — “quoted”", TRUE);

  g_assert_cmpstr (line, ==, "Tram strike [31m ends");
  g_assert_cmpstr (text, ==, "One\nTwo\nThree\tfour");
  g_assert_cmpstr (kept, ==, "Zürich — “quoted”");
  g_assert_null (cd_text_strip_controls (NULL, TRUE));

  /* A headline of zero-width spaces and joiners shows nothing: blank. */
  g_assert_true (cd_text_is_blank ("\xe2\x80\x8b\xe2\x80\x8b \xe2\x80\x8d\xc2\xa0"));
  g_assert_true (cd_text_is_blank ("\xef\xbb\xbf\xc2\xad"));
  g_assert_false (cd_text_is_blank ("\xe2\x80\x8b"
                                    "A"));
}

static void
test_has_char (void)
{
  /* Characters past ASCII count as whole characters. */
  g_assert_true (cd_text_has_char ("al-Zour", g_unichar_isupper));
  g_assert_true (cd_text_has_char ("\xc3\xa9\xc3\x89", g_unichar_isupper));
  g_assert_false (cd_text_has_char ("\xc3\xa9t\xc3\xa9", g_unichar_isupper));
  g_assert_true (cd_text_has_char ("G7", g_unichar_isdigit));
  g_assert_false (cd_text_has_char ("", g_unichar_isdigit));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/article/fields/roundtrip", test_fields_roundtrip);
  g_test_add_func ("/article/fields/errors", test_fields_errors);
  g_test_add_func ("/article/early-years", test_early_years);
  g_test_add_func ("/article/words-and-slug", test_words_and_slug);
  g_test_add_func ("/article/notify", test_notify);
  g_test_add_func ("/article/uuid-case", test_uuid_case);
  g_test_add_func ("/article/strip-controls", test_strip_controls);
  g_test_add_func ("/article/has-char", test_has_char);
  return g_test_run ();
}
