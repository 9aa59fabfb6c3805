/* cd-article.c: one news article and its fields.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-article"

#include "config.h"

#include <string.h>

#include "cd-article.h"
#include "cd-fence.h"
#include "cd-json.h"

/* Plain text fields share one storage array so that the generic field API,
 * copying and comparison need no per-field code. */
typedef enum
{
  TEXT_UUID,
  TEXT_HEADLINE,
  TEXT_DEK,
  TEXT_BYLINE,
  TEXT_DATELINE,
  TEXT_SOURCE,
  TEXT_SLUG,
  TEXT_SECTION,
  TEXT_BODY,
  TEXT_EDNOTE,
  TEXT_LANGUAGE,
  TEXT_IMAGE,
  TEXT_IMAGE_CAPTION,
  TEXT_IMAGE_CREDIT,
  TEXT_IMAGE_ALT,
  N_TEXTS
} TextField;

struct _CdArticle
{
  GObject parent_instance;

  char           *texts[N_TEXTS];
  GStrv           tags;
  CdArticleStatus status;
  GDateTime      *embargo;
  guint           length_target;
  GDateTime      *created;
  GDateTime      *modified;
  GArray         *corrections;
  JsonObject     *extra;
};

G_DEFINE_FINAL_TYPE (CdArticle, cd_article, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_UUID,
  PROP_HEADLINE,
  PROP_DEK,
  PROP_BYLINE,
  PROP_DATELINE,
  PROP_SOURCE,
  PROP_SLUG,
  PROP_SECTION,
  PROP_BODY,
  PROP_EDNOTE,
  PROP_LANGUAGE,
  PROP_IMAGE,
  PROP_IMAGE_CAPTION,
  PROP_IMAGE_CREDIT,
  PROP_IMAGE_ALT,
  PROP_TAGS,
  PROP_STATUS,
  PROP_EMBARGO,
  PROP_LENGTH_TARGET,
  PROP_CREATED,
  PROP_MODIFIED,
  N_PROPS
};

#define PROP_FOR_TEXT(t) ((t) + PROP_UUID)
#define TEXT_FOR_PROP(p) (-PROP_UUID + (p))

static GParamSpec *properties[N_PROPS];

/* Field names as the command line, front matter and JSON spell them. */
static const struct
{
  const char *name;
  int         text; /* TextField, or -1 for a typed field */
  gboolean    read_only;
} fields[] = {
  {"uuid",           TEXT_UUID,          TRUE },
  { "headline",      TEXT_HEADLINE,      FALSE},
  { "dek",           TEXT_DEK,           FALSE},
  { "byline",        TEXT_BYLINE,        FALSE},
  { "dateline",      TEXT_DATELINE,      FALSE},
  { "source",        TEXT_SOURCE,        FALSE},
  { "slug",          TEXT_SLUG,          FALSE},
  { "section",       TEXT_SECTION,       FALSE},
  { "tags",          -1,                 FALSE},
  { "status",        -1,                 FALSE},
  { "embargo",       -1,                 FALSE},
  { "language",      TEXT_LANGUAGE,      FALSE},
  { "body",          TEXT_BODY,          FALSE},
  { "ednote",        TEXT_EDNOTE,        FALSE},
  { "length_target", -1,                 FALSE},
  { "image",         TEXT_IMAGE,         FALSE},
  { "image_caption", TEXT_IMAGE_CAPTION, FALSE},
  { "image_credit",  TEXT_IMAGE_CREDIT,  FALSE},
  { "image_alt",     TEXT_IMAGE_ALT,     FALSE},
  { "created",       -1,                 TRUE },
  { "modified",      -1,                 TRUE },
};

static const char *status_names[CD_ARTICLE_N_STATUSES] = {
  "draft",
  "ready-for-edit",
  "ready-to-publish",
  "published",
  "held",
  "killed",
};

static const char *status_labels[CD_ARTICLE_N_STATUSES] = {
  "Draft",
  "Ready for edit",
  "Ready to publish",
  "Published",
  "Held",
  "Killed",
};

G_DEFINE_QUARK (CdArticleError, cd_article_error)

const char *
cd_article_status_to_string (CdArticleStatus status)
{
  g_return_val_if_fail (status < CD_ARTICLE_N_STATUSES, NULL);
  return status_names[status];
}

/**
 * cd_article_status_to_label:
 *
 * Returns: (transfer none): an untranslated label; callers translate it
 *   with g_dgettext ("copydesk", …).
 */
const char *
cd_article_status_to_label (CdArticleStatus status)
{
  g_return_val_if_fail (status < CD_ARTICLE_N_STATUSES, NULL);
  return status_labels[status];
}

/* Accepts the canonical names and the forms people type: "Ready for edit",
 * "ready_for_edit". */
gboolean
cd_article_status_from_string (const char      *text,
                               CdArticleStatus *status)
{
  g_autofree char *copy = NULL;
  g_autofree char *norm = NULL;

  if (text == NULL)
    return FALSE;

  copy = g_strdup (text);
  norm = g_ascii_strdown (g_strstrip (copy), -1);
  g_strdelimit (norm, " _", '-');
  for (guint i = 0; i < CD_ARTICLE_N_STATUSES; i++)
    {
      if (g_str_equal (norm, status_names[i]))
        {
          if (status != NULL)
            *status = i;
          return TRUE;
        }
    }
  return FALSE;
}

static GDateTime *
now_seconds (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_new_from_unix_utc (g_date_time_to_unix (now));
}

static void
correction_clear (gpointer data)
{
  CdCorrection *c = data;

  g_clear_pointer (&c->date, g_date_time_unref);
  g_clear_pointer (&c->note, g_free);
}

static void
cd_article_finalize (GObject *object)
{
  CdArticle *self = CD_ARTICLE (object);

  for (guint i = 0; i < N_TEXTS; i++)
    g_free (self->texts[i]);
  g_strfreev (self->tags);
  g_clear_pointer (&self->embargo, g_date_time_unref);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);
  g_clear_pointer (&self->corrections, g_array_unref);
  g_clear_pointer (&self->extra, json_object_unref);

  G_OBJECT_CLASS (cd_article_parent_class)->finalize (object);
}

static void
cd_article_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CdArticle *self = CD_ARTICLE (object);

  if (prop_id >= PROP_UUID && prop_id < PROP_FOR_TEXT (N_TEXTS))
    {
      g_value_set_string (value, self->texts[TEXT_FOR_PROP (prop_id)]);
      return;
    }

  switch (prop_id)
    {
    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;
    case PROP_STATUS:
      g_value_set_uint (value, self->status);
      break;
    case PROP_EMBARGO:
      g_value_set_boxed (value, self->embargo);
      break;
    case PROP_LENGTH_TARGET:
      g_value_set_uint (value, self->length_target);
      break;
    case PROP_CREATED:
      g_value_set_boxed (value, self->created);
      break;
    case PROP_MODIFIED:
      g_value_set_boxed (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_text (CdArticle  *self,
          TextField   field,
          const char *value)
{
  g_autofree char *lower = NULL;

  /* A uuid is the same in either case (other systems write them in
   * capitals); kept in lower case, it is found and compared as one. */
  if (field == TEXT_UUID && value != NULL)
    value = lower = g_ascii_strdown (value, -1);
  if (g_strcmp0 (self->texts[field], value) == 0)
    return;
  g_free (self->texts[field]);
  self->texts[field] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOR_TEXT (field)]);
}

static void
cd_article_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CdArticle *self = CD_ARTICLE (object);

  if (prop_id >= PROP_UUID && prop_id < PROP_FOR_TEXT (N_TEXTS))
    {
      set_text (self, TEXT_FOR_PROP (prop_id), g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_TAGS:
      cd_article_set_tags (self, g_value_get_boxed (value));
      break;
    case PROP_STATUS:
      cd_article_set_status (self, g_value_get_uint (value));
      break;
    case PROP_EMBARGO:
      cd_article_set_embargo (self, g_value_get_boxed (value));
      break;
    case PROP_LENGTH_TARGET:
      cd_article_set_length_target (self, g_value_get_uint (value));
      break;
    case PROP_CREATED:
      cd_article_set_created (self, g_value_get_boxed (value));
      break;
    case PROP_MODIFIED:
      cd_article_set_modified (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_article_class_init (CdArticleClass *klass)
{
  GObjectClass      *object_class = G_OBJECT_CLASS (klass);
  static const char *text_props[N_TEXTS] = {
    "uuid",
    "headline",
    "dek",
    "byline",
    "dateline",
    "source",
    "slug",
    "section",
    "body",
    "ednote",
    "language",
    "image",
    "image-caption",
    "image-credit",
    "image-alt",
  };

  object_class->finalize = cd_article_finalize;
  object_class->get_property = cd_article_get_property;
  object_class->set_property = cd_article_set_property;

  for (guint i = 0; i < N_TEXTS; i++)
    properties[PROP_FOR_TEXT (i)] =
        g_param_spec_string (text_props[i], NULL, NULL, NULL,
                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_TAGS] =
      g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
      g_param_spec_uint ("status", NULL, NULL, 0, CD_ARTICLE_N_STATUSES - 1, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMBARGO] =
      g_param_spec_boxed ("embargo", NULL, NULL, G_TYPE_DATE_TIME,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LENGTH_TARGET] =
      g_param_spec_uint ("length-target", NULL, NULL, 0, G_MAXUINT, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED] =
      g_param_spec_boxed ("created", NULL, NULL, G_TYPE_DATE_TIME,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
      g_param_spec_boxed ("modified", NULL, NULL, G_TYPE_DATE_TIME,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cd_article_init (CdArticle *self)
{
  self->corrections = g_array_new (FALSE, TRUE, sizeof (CdCorrection));
  g_array_set_clear_func (self->corrections, correction_clear);
}

/**
 * cd_article_new:
 *
 * Creates an empty draft with a fresh uuid, language "en" and the current
 * time as its creation and modification times.
 *
 * Returns: (transfer full): a new article
 */
CdArticle *
cd_article_new (void)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return cd_article_new_with_uuid (uuid);
}

/**
 * cd_article_new_with_uuid:
 * @uuid: the article's uuid
 *
 * Returns: (transfer full): a new empty draft with @uuid
 */
CdArticle *
cd_article_new_with_uuid (const char *uuid)
{
  CdArticle *self;

  g_return_val_if_fail (uuid != NULL, NULL);

  self = g_object_new (CD_TYPE_ARTICLE, NULL);
  self->texts[TEXT_UUID] = g_ascii_strdown (uuid, -1);
  self->texts[TEXT_LANGUAGE] = g_strdup ("en");
  self->created = now_seconds ();
  self->modified = g_date_time_ref (self->created);
  return self;
}

/**
 * cd_article_copy:
 * @self: an article
 *
 * Returns: (transfer full): a deep copy of @self, uuid included
 */
CdArticle *
cd_article_copy (CdArticle *self)
{
  CdArticle *copy;

  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);

  copy = g_object_new (CD_TYPE_ARTICLE, NULL);
  for (guint i = 0; i < N_TEXTS; i++)
    copy->texts[i] = g_strdup (self->texts[i]);
  copy->tags = g_strdupv (self->tags);
  copy->status = self->status;
  copy->embargo = self->embargo ? g_date_time_ref (self->embargo) : NULL;
  copy->length_target = self->length_target;
  copy->created = self->created ? g_date_time_ref (self->created) : NULL;
  copy->modified = self->modified ? g_date_time_ref (self->modified) : NULL;
  for (guint i = 0; i < self->corrections->len; i++)
    {
      const CdCorrection *c = &g_array_index (self->corrections, CdCorrection, i);
      cd_article_add_correction (copy, c->date, c->note);
    }
  if (self->extra != NULL)
    {
      g_autoptr (JsonNode) node = json_node_alloc ();
      g_autoptr (JsonNode) dup = NULL;

      json_node_init_object (node, self->extra);
      dup = json_node_copy (node);
      copy->extra = json_node_dup_object (dup);
    }
  return copy;
}

/**
 * cd_datetime_equal:
 * @a: (nullable): a time
 * @b: (nullable): another
 *
 * Returns: whether both are %NULL, or the same instant in the same offset
 *   (a time written back in another zone is a change)
 */
gboolean
cd_datetime_equal (GDateTime *a,
                   GDateTime *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_date_time_equal (a, b) &&
         g_date_time_get_utc_offset (a) == g_date_time_get_utc_offset (b);
}

/**
 * cd_article_equal:
 *
 * Compares every field, the uuid and times included. An empty string and an
 * absent value are the same.
 *
 * Returns: %TRUE when @a and @b hold the same article
 */
gboolean
cd_article_equal (CdArticle *a,
                  CdArticle *b)
{
  g_return_val_if_fail (CD_IS_ARTICLE (a), FALSE);
  g_return_val_if_fail (CD_IS_ARTICLE (b), FALSE);

  for (guint i = 0; i < N_TEXTS; i++)
    {
      const char *ta = a->texts[i] ? a->texts[i] : "";
      const char *tb = b->texts[i] ? b->texts[i] : "";
      if (strcmp (ta, tb) != 0)
        return FALSE;
    }
  if (!cd_strv_equal ((const char *const *) a->tags, (const char *const *) b->tags) ||
      a->status != b->status ||
      a->length_target != b->length_target ||
      !cd_datetime_equal (a->embargo, b->embargo) ||
      !cd_datetime_equal (a->created, b->created) ||
      !cd_datetime_equal (a->modified, b->modified) ||
      a->corrections->len != b->corrections->len ||
      !cd_json_object_equal (a->extra, b->extra))
    return FALSE;
  for (guint i = 0; i < a->corrections->len; i++)
    {
      const CdCorrection *ca = &g_array_index (a->corrections, CdCorrection, i);
      const CdCorrection *cb = &g_array_index (b->corrections, CdCorrection, i);
      if (!cd_datetime_equal (ca->date, cb->date) || g_strcmp0 (ca->note, cb->note) != 0)
        return FALSE;
    }
  return TRUE;
}

#define TEXT_ACCESSORS(name, FIELD)                    \
  const char *                                         \
      cd_article_get_##name (CdArticle *self)          \
  {                                                    \
    g_return_val_if_fail (CD_IS_ARTICLE (self), NULL); \
    return self->texts[FIELD];                         \
  }                                                    \
  void                                                 \
      cd_article_set_##name (CdArticle  *self,         \
                             const char *value)        \
  {                                                    \
    g_return_if_fail (CD_IS_ARTICLE (self));           \
    set_text (self, FIELD, value);                     \
  }

TEXT_ACCESSORS (uuid, TEXT_UUID)
TEXT_ACCESSORS (headline, TEXT_HEADLINE)
TEXT_ACCESSORS (dek, TEXT_DEK)
TEXT_ACCESSORS (byline, TEXT_BYLINE)
TEXT_ACCESSORS (dateline, TEXT_DATELINE)
TEXT_ACCESSORS (source, TEXT_SOURCE)
TEXT_ACCESSORS (slug, TEXT_SLUG)
TEXT_ACCESSORS (section, TEXT_SECTION)
TEXT_ACCESSORS (body, TEXT_BODY)
TEXT_ACCESSORS (ednote, TEXT_EDNOTE)
TEXT_ACCESSORS (language, TEXT_LANGUAGE)
TEXT_ACCESSORS (image, TEXT_IMAGE)
TEXT_ACCESSORS (image_caption, TEXT_IMAGE_CAPTION)
TEXT_ACCESSORS (image_credit, TEXT_IMAGE_CREDIT)
TEXT_ACCESSORS (image_alt, TEXT_IMAGE_ALT)

/**
 * cd_article_get_tags:
 *
 * Returns: (transfer none) (nullable): the tags, or %NULL when there are none
 */
const char *const *
cd_article_get_tags (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  return (const char *const *) self->tags;
}

void
cd_article_set_tags (CdArticle         *self,
                     const char *const *tags)
{
  g_return_if_fail (CD_IS_ARTICLE (self));

  if (cd_strv_equal ((const char *const *) self->tags, tags))
    return;
  g_strfreev (self->tags);
  self->tags = (tags != NULL && tags[0] != NULL) ? g_strdupv ((char **) tags) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

CdArticleStatus
cd_article_get_status (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), CD_ARTICLE_STATUS_DRAFT);
  return self->status;
}

void
cd_article_set_status (CdArticle      *self,
                       CdArticleStatus status)
{
  g_return_if_fail (CD_IS_ARTICLE (self));
  g_return_if_fail (status < CD_ARTICLE_N_STATUSES);

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

static void
set_datetime (CdArticle  *self,
              GDateTime **slot,
              GDateTime  *value,
              guint       prop)
{
  if (cd_datetime_equal (*slot, value))
    return;
  g_clear_pointer (slot, g_date_time_unref);
  *slot = value ? g_date_time_ref (value) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/**
 * cd_article_get_embargo:
 *
 * Returns: (transfer none) (nullable): the embargo, in the time zone it was
 *   given in
 */
GDateTime *
cd_article_get_embargo (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  return self->embargo;
}

void
cd_article_set_embargo (CdArticle *self,
                        GDateTime *embargo)
{
  g_return_if_fail (CD_IS_ARTICLE (self));
  set_datetime (self, &self->embargo, embargo, PROP_EMBARGO);
}

guint
cd_article_get_length_target (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), 0);
  return self->length_target;
}

void
cd_article_set_length_target (CdArticle *self,
                              guint      words)
{
  g_return_if_fail (CD_IS_ARTICLE (self));

  if (self->length_target == words)
    return;
  self->length_target = words;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LENGTH_TARGET]);
}

/**
 * cd_article_get_created:
 *
 * Returns: (transfer none): the creation time
 */
GDateTime *
cd_article_get_created (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  return self->created;
}

void
cd_article_set_created (CdArticle *self,
                        GDateTime *created)
{
  g_return_if_fail (CD_IS_ARTICLE (self));
  set_datetime (self, &self->created, created, PROP_CREATED);
}

/**
 * cd_article_get_modified:
 *
 * Returns: (transfer none): the time of the last change
 */
GDateTime *
cd_article_get_modified (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  return self->modified;
}

void
cd_article_set_modified (CdArticle *self,
                         GDateTime *modified)
{
  g_return_if_fail (CD_IS_ARTICLE (self));
  set_datetime (self, &self->modified, modified, PROP_MODIFIED);
}

/**
 * cd_article_touch:
 *
 * Sets the modification time to now, to the second.
 */
void
cd_article_touch (CdArticle *self)
{
  g_autoptr (GDateTime) now = now_seconds ();

  g_return_if_fail (CD_IS_ARTICLE (self));
  cd_article_set_modified (self, now);
}

guint
cd_article_get_n_corrections (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), 0);
  return self->corrections->len;
}

/**
 * cd_article_get_correction:
 *
 * Returns: (transfer none): the correction at @index, oldest first
 */
const CdCorrection *
cd_article_get_correction (CdArticle *self,
                           guint      index)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  g_return_val_if_fail (index < self->corrections->len, NULL);
  return &g_array_index (self->corrections, CdCorrection, index);
}

void
cd_article_add_correction (CdArticle  *self,
                           GDateTime  *date,
                           const char *note)
{
  CdCorrection c;

  g_return_if_fail (CD_IS_ARTICLE (self));
  g_return_if_fail (date != NULL);
  g_return_if_fail (note != NULL);

  c.date = g_date_time_ref (date);
  c.note = g_strdup (note);
  g_array_append_val (self->corrections, c);
}

void
cd_article_clear_corrections (CdArticle *self)
{
  g_return_if_fail (CD_IS_ARTICLE (self));
  g_array_set_size (self->corrections, 0);
}

/**
 * cd_article_get_extra:
 *
 * Front-matter keys the article has no field for, kept so that an export
 * writes them back.
 *
 * Returns: (transfer none) (nullable): the extra keys
 */
JsonObject *
cd_article_get_extra (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  return self->extra;
}

void
cd_article_set_extra (CdArticle  *self,
                      JsonObject *extra)
{
  g_return_if_fail (CD_IS_ARTICLE (self));

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra;
}

guint
cd_article_get_word_count (CdArticle *self)
{
  g_return_val_if_fail (CD_IS_ARTICLE (self), 0);
  return cd_count_body_words (self->texts[TEXT_BODY]);
}

/**
 * cd_make_slug:
 * @headline: a headline
 *
 * Returns: (transfer full): a URL slug: lower-case ASCII words joined by
 *   hyphens, at most 80 characters
 */
char *
cd_make_slug (const char *headline)
{
  g_autofree char *ascii = NULL;
  GString         *slug;

  if (headline == NULL)
    return g_strdup ("");

  ascii = g_str_to_ascii (headline, "C");
  slug = g_string_new (NULL);
  for (const char *p = ascii; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (*p == '\'')
        continue;
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  if (slug->len > 80)
    {
      g_string_truncate (slug, 80);
      /* Cut at the last whole word when there is one. */
      if (strrchr (slug->str, '-') != NULL)
        g_string_truncate (slug, strrchr (slug->str, '-') - slug->str);
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  return g_string_free (slug, FALSE);
}

/**
 * cd_format_iso8601_utc:
 *
 * Returns: (transfer full) (nullable): @datetime in UTC as
 *   "YYYY-MM-DDTHH:MM:SSZ", or %NULL for %NULL
 */
char *
cd_format_iso8601_utc (GDateTime *datetime)
{
  g_autoptr (GDateTime) utc = NULL;

  if (datetime == NULL)
    return NULL;
  utc = g_date_time_to_utc (datetime);
  /* Four-digit years always: "%Y" writes year 999 as "999". */
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                          g_date_time_get_year (utc), g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc), g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc), g_date_time_get_second (utc));
}

/**
 * cd_parse_iso8601:
 * @text: an ISO 8601 date-time; without a zone it is taken as UTC
 *
 * Returns: (transfer full) (nullable): the time, or %NULL when @text is not
 *   a date-time
 */
GDateTime *
cd_parse_iso8601 (const char *text)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *copy = NULL;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  /* A space between date and time is common in front matter. */
  if (strlen (copy) > 10 && copy[10] == ' ')
    copy[10] = 'T';
  return g_date_time_new_from_iso8601 (copy, utc);
}

/* Whether an ISO 8601 date-time names its zone: read against two different
 * default zones, it gives the same moment only when it does. */
static gboolean
has_explicit_zone (const char *text)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GTimeZone) other = g_time_zone_new_offset (3600);
  g_autofree char *copy = g_strstrip (g_strdup (text));
  g_autoptr (GDateTime) a = NULL;
  g_autoptr (GDateTime) b = NULL;

  if (strlen (copy) > 10 && copy[10] == ' ')
    copy[10] = 'T';
  a = g_date_time_new_from_iso8601 (copy, utc);
  b = g_date_time_new_from_iso8601 (copy, other);
  return a != NULL && b != NULL && g_date_time_equal (a, b);
}

/**
 * cd_article_list_fields:
 *
 * Returns: (transfer none): the field names, %NULL-terminated
 */
const char *const *
cd_article_list_fields (void)
{
  static const char *names[G_N_ELEMENTS (fields) + 1];

  if (names[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      names[i] = fields[i].name;
  return names;
}

static int
find_field (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].name, name))
      return i;
  return -1;
}

gboolean
cd_article_has_field (const char *name)
{
  g_return_val_if_fail (name != NULL, FALSE);
  return find_field (name) >= 0;
}

/**
 * cd_format_iso8601:
 * @datetime: (nullable): a time
 *
 * Writes a time in its own zone ("Z" for UTC, else "+09:00"), with a
 * four-digit year and, when it has them, microseconds, so that
 * cd_parse_iso8601() reads back an equal time.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL for %NULL
 */
char *
cd_format_iso8601 (GDateTime *datetime)
{
  GString *s;
  int      usec;

  if (datetime == NULL)
    return NULL;

  s = g_string_new (NULL);
  usec = g_date_time_get_microsecond (datetime);
  /* Not g_date_time_format(): its %Y does not pad years before 1000. */
  g_string_printf (s, "%04d-%02d-%02dT%02d:%02d:%02d",
                   g_date_time_get_year (datetime), g_date_time_get_month (datetime),
                   g_date_time_get_day_of_month (datetime), g_date_time_get_hour (datetime),
                   g_date_time_get_minute (datetime), g_date_time_get_second (datetime));
  if (usec != 0)
    g_string_append_printf (s, ".%06d", usec);
  if (g_date_time_get_utc_offset (datetime) == 0)
    g_string_append_c (s, 'Z');
  else
    {
      g_autofree char *zone = g_date_time_format (datetime, "%:z");
      g_string_append (s, zone);
    }
  return g_string_free (s, FALSE);
}

/**
 * cd_article_get_field:
 * @name: a field name from cd_article_list_fields()
 *
 * Gives a field as text: tags joined with ", ", the status by its name,
 * times in ISO 8601 (the embargo in its own zone), an absent length target
 * as "".
 *
 * Returns: (transfer full) (nullable): the value, or %NULL when it is absent
 */
char *
cd_article_get_field (CdArticle  *self,
                      const char *name)
{
  int f;

  g_return_val_if_fail (CD_IS_ARTICLE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  f = find_field (name);
  g_return_val_if_fail (f >= 0, NULL);

  if (fields[f].text >= 0)
    return g_strdup (self->texts[fields[f].text]);
  if (g_str_equal (name, "tags"))
    return self->tags ? g_strjoinv (", ", self->tags) : NULL;
  if (g_str_equal (name, "status"))
    return g_strdup (status_names[self->status]);
  if (g_str_equal (name, "embargo"))
    return cd_format_iso8601 (self->embargo);
  if (g_str_equal (name, "length_target"))
    return self->length_target ? g_strdup_printf ("%u", self->length_target) : NULL;
  if (g_str_equal (name, "created"))
    return cd_format_iso8601_utc (self->created);
  if (g_str_equal (name, "modified"))
    return cd_format_iso8601_utc (self->modified);
  g_assert_not_reached ();
}

/**
 * cd_article_set_field:
 * @name: a field name from cd_article_list_fields()
 * @value: (nullable): the new value as text; %NULL or "" clears the field
 *
 * Sets a field from text the way a person types it: tags separated by
 * commas, a status by name or label, an embargo in ISO 8601 with a zone.
 *
 * Returns: %TRUE on success; on failure @error names the field and the
 *   problem and the article is unchanged
 */
gboolean
cd_article_set_field (CdArticle  *self,
                      const char *name,
                      const char *value,
                      GError    **error)
{
  int f;

  g_return_val_if_fail (CD_IS_ARTICLE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  f = find_field (name);
  if (f < 0)
    {
      g_autofree char *known = g_strjoinv (", ", (char **) cd_article_list_fields ());
      g_set_error (error, CD_ARTICLE_ERROR, CD_ARTICLE_ERROR_UNKNOWN_FIELD,
                   "There is no field “%s”; the fields are %s.", name, known);
      return FALSE;
    }
  if (fields[f].read_only)
    {
      g_set_error (error, CD_ARTICLE_ERROR, CD_ARTICLE_ERROR_READ_ONLY,
                   "The field “%s” cannot be changed.", name);
      return FALSE;
    }
  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, CD_ARTICLE_ERROR, CD_ARTICLE_ERROR_INVALID_VALUE,
                   "The value for “%s” is not valid UTF-8 text.", name);
      return FALSE;
    }
  if (value != NULL && *value == '\0')
    value = NULL;

  if (fields[f].text >= 0)
    {
      set_text (self, fields[f].text, value);
    }
  else if (g_str_equal (name, "tags"))
    {
      g_autoptr (GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
      g_auto (GStrv) parts = value ? g_strsplit (value, ",", -1) : NULL;

      for (guint i = 0; parts && parts[i]; i++)
        {
          char *tag = g_strstrip (parts[i]);
          if (*tag != '\0')
            g_ptr_array_add (tags, g_strdup (tag));
        }
      g_ptr_array_add (tags, NULL);
      cd_article_set_tags (self, (const char *const *) tags->pdata);
    }
  else if (g_str_equal (name, "status"))
    {
      CdArticleStatus status;

      if (!cd_article_status_from_string (value, &status))
        {
          g_autofree char *known = g_strjoinv (", ", (char **) status_names);
          g_set_error (error, CD_ARTICLE_ERROR, CD_ARTICLE_ERROR_INVALID_VALUE,
                       "“%s” is not a status; use one of %s.", value ? value : "", known);
          return FALSE;
        }
      cd_article_set_status (self, status);
    }
  else if (g_str_equal (name, "embargo"))
    {
      g_autoptr (GDateTime) embargo = NULL;

      if (value != NULL && (embargo = cd_parse_iso8601 (value)) == NULL)
        {
          g_set_error (error, CD_ARTICLE_ERROR, CD_ARTICLE_ERROR_INVALID_VALUE,
                       "The embargo “%s” is not a date and time such as "
                       "2026-03-01T09:00:00+01:00.",
                       value);
          return FALSE;
        }
      /* A person typing 09:00 means their own clock, not UTC: taken as UTC,
       * a New York embargo would lift five hours early. */
      if (value != NULL && !has_explicit_zone (value))
        {
          g_set_error (error, CD_ARTICLE_ERROR, CD_ARTICLE_ERROR_INVALID_VALUE,
                       "The embargo “%s” has no time zone; add one, as in "
                       "2026-03-01T09:00:00+01:00, or Z for UTC.",
                       value);
          return FALSE;
        }
      cd_article_set_embargo (self, embargo);
    }
  else if (g_str_equal (name, "length_target"))
    {
      guint64 words = 0;

      if (value != NULL &&
          !g_ascii_string_to_unsigned (value, 10, 0, 1000000, &words, NULL))
        {
          g_set_error (error, CD_ARTICLE_ERROR, CD_ARTICLE_ERROR_INVALID_VALUE,
                       "The length target “%s” is not a number of words.", value);
          return FALSE;
        }
      cd_article_set_length_target (self, words);
    }
  else
    g_assert_not_reached ();

  return TRUE;
}
