/* cd-check-underliner.c: the findings of the checks underlined where the
 * person types.
 *
 * The underliner follows a CdCheckRunner: when its findings change, each
 * attached text buffer gets text tags over the findings in its field, and
 * each attached entry a Pango attribute list. Tags move with the text, so
 * after a keystroke most underlines are already where the new findings
 * are: only the runs that differ are changed, which keeps the text view
 * from laying out the whole article again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-check-underliner"

#include "config.h"

#include "cd-check-underliner.h"

struct _CdCheckUnderliner
{
  GObject parent_instance;

  CdCheckRunner *runner;
};

G_DEFINE_FINAL_TYPE (CdCheckUnderliner, cd_check_underliner, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_RUNNER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define RANGE_KEY(start, end) GSIZE_TO_POINTER (((gsize) (start) << 32) | (end))

typedef struct
{
  guint start;
  guint end;
} Range;

static GtkText *
find_text (GtkEditable *editable)
{
  g_assert (editable == NULL || GTK_IS_EDITABLE (editable));

  /* An entry, an AdwEntryRow or a spin button each delegate to a GtkText. */
  for (guint i = 0; editable != NULL && i < 8; i++)
    {
      GtkEditable *delegate;

      if (GTK_IS_TEXT (editable))
        return GTK_TEXT (editable);
      delegate = gtk_editable_get_delegate (editable);
      if (delegate == editable)
        break;
      editable = delegate;
    }
  return NULL;
}

/* The ranges @tag covers now, as RANGE_KEYs. */
static GHashTable *
tagged_ranges (GtkTextBuffer *buffer,
               GtkTextTag    *tag)
{
  GHashTable *ranges = g_hash_table_new (g_direct_hash, g_direct_equal);
  GtkTextIter iter;

  g_assert (GTK_IS_TEXT_BUFFER (buffer));
  g_assert (GTK_IS_TEXT_TAG (tag));

  gtk_text_buffer_get_start_iter (buffer, &iter);
  if (!gtk_text_iter_starts_tag (&iter, tag))
    gtk_text_iter_forward_to_tag_toggle (&iter, tag);
  while (!gtk_text_iter_is_end (&iter) && gtk_text_iter_starts_tag (&iter, tag))
    {
      guint start = gtk_text_iter_get_offset (&iter);

      gtk_text_iter_forward_to_tag_toggle (&iter, tag);
      g_hash_table_add (ranges, RANGE_KEY (start, gtk_text_iter_get_offset (&iter)));
      gtk_text_iter_forward_to_tag_toggle (&iter, tag);
    }
  return ranges;
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const Range *x = a, *y = b;

  g_assert (a != NULL && b != NULL);

  return x->start != y->start ? (x->start > y->start) - (x->start < y->start)
                              : (x->end > y->end) - (x->end < y->end);
}

/* The runs one tag should cover: the findings of @field with the tag's
 * severity, touching or overlapping ones merged into one run, since that
 * is how the tag lies in the buffer. */
static GHashTable *
wanted_ranges (GPtrArray  *findings,
               const char *field,
               gboolean    info)
{
  GHashTable *wanted = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr (GArray) ranges = g_array_new (FALSE, FALSE, sizeof (Range));

  g_assert (findings != NULL);
  g_assert (field != NULL);

  for (guint i = 0; i < findings->len; i++)
    {
      const CdFinding *f = g_ptr_array_index (findings, i);
      Range            range = { f->start, f->end };

      if (g_str_equal (f->field, field) && f->start < f->end &&
          (f->severity == CD_CHECK_SEVERITY_INFO) == info)
        g_array_append_val (ranges, range);
    }
  g_array_sort (ranges, compare_ranges);
  for (guint i = 0; i < ranges->len;)
    {
      Range merged = g_array_index (ranges, Range, i);

      for (i++; i < ranges->len && g_array_index (ranges, Range, i).start <= merged.end; i++)
        merged.end = MAX (merged.end, g_array_index (ranges, Range, i).end);
      g_hash_table_add (wanted, RANGE_KEY (merged.start, merged.end));
    }
  return wanted;
}

/* Applies or removes @tag on every range of @ranges that @other lacks. */
static void
tag_missing (GtkTextBuffer *buffer,
             GtkTextTag    *tag,
             GHashTable    *ranges,
             GHashTable    *other,
             gboolean       apply)
{
  GHashTableIter iter;
  gpointer       key;

  g_assert (ranges != NULL);
  g_assert (other != NULL);

  g_assert (GTK_IS_TEXT_BUFFER (buffer));
  g_assert (GTK_IS_TEXT_TAG (tag));

  g_hash_table_iter_init (&iter, ranges);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (other, key))
      {
        GtkTextIter start, end;
        gsize       range = GPOINTER_TO_SIZE (key);

        gtk_text_buffer_get_iter_at_offset (buffer, &start, range >> 32);
        gtk_text_buffer_get_iter_at_offset (buffer, &end, range & 0xffffffff);
        if (apply)
          gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
        else
          gtk_text_buffer_remove_tag (buffer, tag, &start, &end);
      }
}

static void
underline_buffer (GPtrArray     *findings,
                  const char    *field,
                  GtkTextBuffer *buffer)
{
  const char      *names[] = { CD_CHECK_UNDERLINER_TAG_WARNING, CD_CHECK_UNDERLINER_TAG_INFO };
  GtkTextTagTable *table;

  g_assert (field != NULL);

  g_assert (findings != NULL);
  g_assert (GTK_IS_TEXT_BUFFER (buffer));

  cd_check_underliner_ensure_tags (buffer);
  table = gtk_text_buffer_get_tag_table (buffer);
  for (guint t = 0; t < G_N_ELEMENTS (names); t++)
    {
      GtkTextTag *tag = gtk_text_tag_table_lookup (table, names[t]);
      g_autoptr (GHashTable) old = tagged_ranges (buffer, tag);
      g_autoptr (GHashTable) wanted = wanted_ranges (findings, field, t == 1);

      tag_missing (buffer, tag, old, wanted, FALSE);
      tag_missing (buffer, tag, wanted, old, TRUE);
    }
}

static void
underline_editable (GPtrArray   *findings,
                    const char  *field,
                    GtkEditable *editable)
{
  GtkText    *text = find_text (editable);
  const char *contents = gtk_editable_get_text (editable);
  glong       length = g_utf8_strlen (contents, -1);
  g_autoptr (PangoAttrList) attributes = pango_attr_list_new ();

  g_assert (field != NULL);

  g_assert (findings != NULL);
  g_assert (GTK_IS_EDITABLE (editable));

  if (text == NULL)
    return;
  for (guint i = 0; i < findings->len; i++)
    {
      const CdFinding *f = g_ptr_array_index (findings, i);
      PangoAttribute  *attribute;

      if (!g_str_equal (f->field, field) || f->start == f->end || f->end > (guint) length)
        continue;
      /* Pango counts bytes. */
      attribute = pango_attr_underline_new (PANGO_UNDERLINE_ERROR);
      attribute->start_index = g_utf8_offset_to_pointer (contents, f->start) - contents;
      attribute->end_index = g_utf8_offset_to_pointer (contents, f->end) - contents;
      pango_attr_list_insert (attributes, attribute);
    }
  gtk_text_set_attributes (text, attributes);
}

static void
underline_one (const char *field,
               GObject    *object,
               gpointer    user_data)
{
  GPtrArray *findings = user_data;

  g_assert (field != NULL);
  g_assert (G_IS_OBJECT (object));

  if (GTK_IS_TEXT_BUFFER (object))
    underline_buffer (findings, field, GTK_TEXT_BUFFER (object));
  else
    underline_editable (findings, field, GTK_EDITABLE (object));
}

static void
findings_changed_cb (CdCheckUnderliner *self,
                     CdCheckRunner     *runner)
{
  g_assert (CD_IS_CHECK_UNDERLINER (self));
  g_assert (CD_IS_CHECK_RUNNER (runner));

  cd_check_runner_foreach_attachment (runner, underline_one,
                                      cd_check_runner_get_findings (runner));
}

static void
cd_check_underliner_dispose (GObject *object)
{
  CdCheckUnderliner *self = CD_CHECK_UNDERLINER (object);

  g_clear_object (&self->runner);

  G_OBJECT_CLASS (cd_check_underliner_parent_class)->dispose (object);
}

static void
cd_check_underliner_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CdCheckUnderliner *self = CD_CHECK_UNDERLINER (object);

  switch (prop_id)
    {
    case PROP_RUNNER:
      self->runner = g_value_dup_object (value);
      g_signal_connect_object (self->runner, "findings-changed", G_CALLBACK (findings_changed_cb),
                               self, G_CONNECT_SWAPPED);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cd_check_underliner_class_init (CdCheckUnderlinerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cd_check_underliner_dispose;
  object_class->set_property = cd_check_underliner_set_property;

  /**
   * CdCheckUnderliner:runner:
   *
   * The runner whose findings are underlined in its attached widgets.
   */
  properties[PROP_RUNNER] =
      g_param_spec_object ("runner", NULL, NULL, CD_TYPE_CHECK_RUNNER,
                           G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cd_check_underliner_init (CdCheckUnderliner *self)
{
}

/**
 * cd_check_underliner_new:
 * @runner: the runner to follow
 *
 * Returns: (transfer full): an underliner for @runner's findings
 */
CdCheckUnderliner *
cd_check_underliner_new (CdCheckRunner *runner)
{
  g_return_val_if_fail (CD_IS_CHECK_RUNNER (runner), NULL);

  return g_object_new (CD_TYPE_CHECK_UNDERLINER, "runner", runner, NULL);
}

/**
 * cd_check_underliner_ensure_tags:
 *
 * Adds the underlining tags to @buffer's tag table unless it has them.
 */
void
cd_check_underliner_ensure_tags (GtkTextBuffer *buffer)
{
  GtkTextTagTable *table;

  g_return_if_fail (GTK_IS_TEXT_BUFFER (buffer));

  table = gtk_text_buffer_get_tag_table (buffer);
  if (gtk_text_tag_table_lookup (table, CD_CHECK_UNDERLINER_TAG_WARNING) == NULL)
    gtk_text_buffer_create_tag (buffer, CD_CHECK_UNDERLINER_TAG_WARNING, "underline",
                                PANGO_UNDERLINE_ERROR, NULL);
  if (gtk_text_tag_table_lookup (table, CD_CHECK_UNDERLINER_TAG_INFO) == NULL)
    {
      GdkRGBA blue = { 0.21, 0.52, 0.89, 1.0 };

      gtk_text_buffer_create_tag (buffer, CD_CHECK_UNDERLINER_TAG_INFO, "underline",
                                  PANGO_UNDERLINE_ERROR, "underline-rgba", &blue, NULL);
    }
}
