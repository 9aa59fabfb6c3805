/* cd-checks-panel.c: the Checks panel.
 *
 * The panel runs the checks on a copy of the article in a worker thread a
 * short pause after the last edit, so typing never waits for them, and
 * throws away a result when the text changed while it was made. Findings are
 * listed by rule and underlined in the attached text buffer (the body) and
 * entries (the other fields).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-checks-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "cd-checks-panel.h"

#define TAG_WARNING "cd-check-warning"
#define TAG_INFO "cd-check-info"

/* A list box lays out all its rows whenever one changes, so the list stays
 * short enough to do that within a frame: the first MAX_LINES findings are
 * listed, the count says how many there are, and fixing or ignoring some
 * brings the next ones up. */
#define MAX_LINES 50

typedef struct
{
  char    *field;
  GObject *object; /* a GtkTextBuffer or a GtkEditable, weak */
  gulong   changed_id;
} Attachment;

struct _CdChecksPanel
{
  GtkWidget parent_instance;

  CdChecker    *checker;
  CdStore      *store;
  CdArticle    *article;
  gulong        notify_id;
  GHashTable   *attachments; /* field → Attachment */
  GPtrArray    *findings;    /* CdFinding, as last shown */
  GCancellable *cancellable;
  guint         timeout_id;
  guint         generation; /* bumped by every edit */
  guint         running : 1;
  guint         rerun : 1;

  GtkWidget  *box;
  GtkLabel   *count_label;
  GtkStack   *stack;
  GtkListBox *list;
  GHashTable *serials; /* a row's serial → 1 + its finding's index */
  guint       next_serial;
  GArray     *pending; /* Pending: rows still to make */
  GPtrArray  *doomed;  /* rows still to take out, hidden already */
  guint       next_pending;
  guint       insert_at;
  guint       fill_id;
  guint       list_stale : 1;
};

G_DEFINE_FINAL_TYPE (CdChecksPanel, cd_checks_panel, GTK_TYPE_WIDGET)

enum
{
  ACTIVATE_FINDING,
  FINDINGS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void schedule_check (CdChecksPanel *self);

/* Attachments */

static void
attachment_free (gpointer data)
{
  Attachment *attachment = data;

  if (attachment->object != NULL)
    {
      g_clear_signal_handler (&attachment->changed_id, attachment->object);
      g_object_remove_weak_pointer (attachment->object, (gpointer *) &attachment->object);
    }
  g_free (attachment->field);
  g_free (attachment);
}

static GtkText *
find_text (GtkEditable *editable)
{
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

static char *
attachment_get_text (Attachment *attachment)
{
  if (GTK_IS_TEXT_BUFFER (attachment->object))
    {
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (GTK_TEXT_BUFFER (attachment->object), &start, &end);
      return gtk_text_buffer_get_text (GTK_TEXT_BUFFER (attachment->object), &start, &end,
                                       TRUE);
    }
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (attachment->object)));
}

static void
ensure_tags (GtkTextBuffer *buffer)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);

  if (gtk_text_tag_table_lookup (table, TAG_WARNING) == NULL)
    gtk_text_buffer_create_tag (buffer, TAG_WARNING, "underline", PANGO_UNDERLINE_ERROR, NULL);
  if (gtk_text_tag_table_lookup (table, TAG_INFO) == NULL)
    {
      GdkRGBA blue = { 0.21, 0.52, 0.89, 1.0 };

      gtk_text_buffer_create_tag (buffer, TAG_INFO, "underline", PANGO_UNDERLINE_ERROR,
                                  "underline-rgba", &blue, NULL);
    }
}

/* Underlines */

#define RANGE_KEY(start, end) GSIZE_TO_POINTER (((gsize) (start) << 32) | (end))

/* The ranges @tag covers now, as RANGE_KEYs. */
static GHashTable *
tagged_ranges (GtkTextBuffer *buffer,
               GtkTextTag    *tag)
{
  GHashTable *ranges = g_hash_table_new (g_direct_hash, g_direct_equal);
  GtkTextIter iter;

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

typedef struct
{
  guint start;
  guint end;
} Range;

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const Range *x = a, *y = b;

  return x->start != y->start ? (x->start > y->start) - (x->start < y->start)
                              : (x->end > y->end) - (x->end < y->end);
}

/* Tags move with the text, so after a keystroke most underlines are already
 * where the new findings are: only the ranges that differ are changed, which
 * keeps the text view from laying out the whole article again. */
static void
underline_buffer (CdChecksPanel *self,
                  Attachment    *attachment)
{
  GtkTextBuffer   *buffer = GTK_TEXT_BUFFER (attachment->object);
  GtkTextTagTable *table;
  const char      *names[] = { TAG_WARNING, TAG_INFO };

  ensure_tags (buffer);
  table = gtk_text_buffer_get_tag_table (buffer);

  for (guint t = 0; t < G_N_ELEMENTS (names); t++)
    {
      GtkTextTag *tag = gtk_text_tag_table_lookup (table, names[t]);
      g_autoptr (GHashTable) old = tagged_ranges (buffer, tag);
      g_autoptr (GHashTable) wanted = g_hash_table_new (g_direct_hash, g_direct_equal);
      GHashTableIter iter;
      gpointer       key;
      g_autoptr (GArray) ranges = g_array_new (FALSE, FALSE, sizeof (Range));

      for (guint i = 0; i < self->findings->len; i++)
        {
          const CdFinding *f = g_ptr_array_index (self->findings, i);
          gboolean         info = f->severity == CD_CHECK_SEVERITY_INFO;
          Range            range = { f->start, f->end };

          if (g_str_equal (f->field, attachment->field) && f->start < f->end &&
              info == (t == 1))
            g_array_append_val (ranges, range);
        }
      /* A tag over touching or overlapping findings makes one run, and
       * which is what the runs in the buffer are compared with. */
      g_array_sort (ranges, compare_ranges);
      for (guint i = 0; i < ranges->len;)
        {
          Range merged = g_array_index (ranges, Range, i);

          for (i++; i < ranges->len && g_array_index (ranges, Range, i).start <= merged.end; i++)
            merged.end = MAX (merged.end, g_array_index (ranges, Range, i).end);
          g_hash_table_add (wanted, RANGE_KEY (merged.start, merged.end));
        }

      g_hash_table_iter_init (&iter, old);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!g_hash_table_contains (wanted, key))
          {
            GtkTextIter start, end;
            gsize       range = GPOINTER_TO_SIZE (key);

            gtk_text_buffer_get_iter_at_offset (buffer, &start, range >> 32);
            gtk_text_buffer_get_iter_at_offset (buffer, &end, range & 0xffffffff);
            gtk_text_buffer_remove_tag (buffer, tag, &start, &end);
          }
      g_hash_table_iter_init (&iter, wanted);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!g_hash_table_contains (old, key))
          {
            GtkTextIter start, end;
            gsize       range = GPOINTER_TO_SIZE (key);

            gtk_text_buffer_get_iter_at_offset (buffer, &start, range >> 32);
            gtk_text_buffer_get_iter_at_offset (buffer, &end, range & 0xffffffff);
            gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
          }
    }
}

static void
underline_editable (CdChecksPanel *self,
                    Attachment    *attachment)
{
  GtkText    *text = find_text (GTK_EDITABLE (attachment->object));
  const char *contents = gtk_editable_get_text (GTK_EDITABLE (attachment->object));
  glong       length = g_utf8_strlen (contents, -1);
  g_autoptr (PangoAttrList) attributes = pango_attr_list_new ();

  if (text == NULL)
    return;
  for (guint i = 0; i < self->findings->len; i++)
    {
      const CdFinding *f = g_ptr_array_index (self->findings, i);
      PangoAttribute  *attribute;

      if (!g_str_equal (f->field, attachment->field) || f->start == f->end ||
          f->end > (guint) length)
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
underline_all (CdChecksPanel *self)
{
  GHashTableIter iter;
  gpointer       value;

  g_hash_table_iter_init (&iter, self->attachments);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Attachment *attachment = value;

      if (attachment->object == NULL)
        continue;
      if (GTK_IS_TEXT_BUFFER (attachment->object))
        underline_buffer (self, attachment);
      else
        underline_editable (self, attachment);
    }
}

/* The list */

static const char *
field_label (const char *field)
{
  static const struct
  {
    const char *field;
    const char *label;
  } labels[] = {
    {"headline",       N_ ("Headline")},
    { "dek",           N_ ("Dek")     },
    { "body",          N_ ("Body")    },
    { "image_caption", N_ ("Caption") },
    { "byline",        N_ ("Byline")  },
    { "dateline",      N_ ("Dateline")},
    { "slug",          N_ ("Slug")    },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].field, field))
      return _ (labels[i].label);
  return field;
}

static const char *
rule_label (const char *rule)
{
  static const struct
  {
    const char *rule;
    const char *label;
  } labels[] = {
    {CD_CHECK_RULE_SPELLING,         N_ ("Spelling")                        },
    { CD_CHECK_RULE_NAME_VARIANT,    N_ ("Names Spelled More Than One Way") },
    { CD_CHECK_RULE_QUOTES,          N_ ("Quotes and Brackets")             },
    { CD_CHECK_RULE_REPEATED_WORD,   N_ ("Repeated Words")                  },
    { CD_CHECK_RULE_SPACING,         N_ ("Spacing")                         },
    { CD_CHECK_RULE_LEFTOVER_MARKUP, N_ ("Leftover Markup and Placeholders")},
    { CD_CHECK_RULE_HEADLINE_LENGTH, N_ ("Headline Length")                 },
    { CD_CHECK_RULE_MISSING_FIELD,   N_ ("Missing Fields")                  },
    { CD_CHECK_RULE_HOUSE_STYLE,     N_ ("House Style")                     },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].rule, rule))
      return _ (labels[i].label);
  return cd_check_rule_to_label (rule);
}

/* Icon buttons, so the finding keeps the narrow pane's width; the tooltip
 * and the accessible label say what they do. */
static GtkWidget *
make_button (const char *icon,
             const char *tooltip,
             const char *action,
             guint       serial)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", serial);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

/* What makes two lines the same line, offsets aside. */
static char *
line_key (const CdFinding *finding)
{
  return g_strjoin ("\x1f", finding->rule, finding->field, finding->text, finding->message,
                    finding->suggestion != NULL ? finding->suggestion : "\x1e", NULL);
}

/* A row for a finding; its buttons and the row itself name the finding by
 * serial, which the panel maps to the finding's current place. */
static GtkWidget *
make_row (const CdFinding *finding,
          guint            serial)
{
  GtkWidget       *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *apply_tooltip = NULL;

  if (*finding->text != '\0' && strchr (finding->text, '\n') == NULL &&
      g_utf8_strlen (finding->text, -1) <= 60 && !g_str_equal (finding->text, " ") &&
      !g_str_equal (finding->text, "  "))
    /* Translators: a field's name and the text a check found in it */
    title = g_strdup_printf (_ ("%s: “%s”"), field_label (finding->field), finding->text);
  else
    title = g_strdup (field_label (finding->field));

  if (finding->suggestion != NULL && *finding->suggestion != '\0' &&
      g_utf8_strlen (finding->suggestion, -1) <= 60)
    {
      /* Translators: a check's message, then the replacement it suggests */
      subtitle = g_strdup_printf (_ ("%s → “%s”"), finding->message, finding->suggestion);
      apply_tooltip = g_strdup_printf (_ ("Replace with “%s”"), finding->suggestion);
    }
  else
    {
      subtitle = g_strdup (finding->message);
      apply_tooltip = g_strdup (_ ("Remove it"));
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_widget_set_tooltip_text (row, subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  if (finding->suggestion != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               make_button ("object-select-symbolic", apply_tooltip,
                                            "checks.apply", serial));
  if (g_str_equal (finding->rule, CD_CHECK_RULE_SPELLING))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               make_button ("list-add-symbolic",
                                            _ ("Add to the word list for every article"),
                                            "checks.add-word", serial));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             make_button ("action-unavailable-symbolic",
                                          _ ("Ignore in this article"), "checks.ignore", serial));

  g_object_set_data_full (G_OBJECT (row), "rule", g_strdup (finding->rule), g_free);
  g_object_set_data_full (G_OBJECT (row), "key", line_key (finding), g_free);
  g_object_set_data (G_OBJECT (row), "serial", GUINT_TO_POINTER (serial));
  return row;
}

static void
header_func (GtkListBoxRow *row,
             GtkListBoxRow *before,
             gpointer       user_data)
{
  const char *rule = g_object_get_data (G_OBJECT (row), "rule");
  const char *previous = before != NULL ? g_object_get_data (G_OBJECT (before), "rule") : NULL;
  GtkWidget  *label;

  if (previous != NULL && g_str_equal (previous, rule))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  label = gtk_label_new (rule_label (rule));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, previous != NULL ? 18 : 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 6);
  gtk_list_box_row_set_header (row, label);
}

/* Rows still to be made: findings (copies) and where they go. */
typedef struct
{
  CdFinding *finding;
  guint      serial;
} Pending;

static void
pending_clear (gpointer data)
{
  cd_finding_free (((Pending *) data)->finding);
}

/* Makes rows a slice at a time, so a long list never holds up typing. A
 * row costs about a millisecond to make and as much again when the next
 * frame lays it out, so a slice stops after FILL_SLICE_US: with the frame
 * that follows it, the main loop is busy for a few milliseconds at most. */
#define FILL_SLICE_US 1500

static gboolean
fill_list_cb (gpointer user_data)
{
  CdChecksPanel *self = user_data;
  gint64         deadline = g_get_monotonic_time () + FILL_SLICE_US;

  do
    {
      if (self->doomed->len > 0)
        gtk_list_box_remove (self->list, g_ptr_array_steal_index (self->doomed,
                                                                  self->doomed->len - 1));
      else if (self->next_pending < self->pending->len)
        {
          Pending *pending = &g_array_index (self->pending, Pending, self->next_pending);

          gtk_list_box_insert (self->list, make_row (pending->finding, pending->serial),
                               self->insert_at++);
          self->next_pending++;
        }
    }
  while ((self->doomed->len > 0 || self->next_pending < self->pending->len) &&
         g_get_monotonic_time () < deadline);
  if (self->next_pending < self->pending->len || self->doomed->len > 0)
    return G_SOURCE_CONTINUE;
  self->fill_id = 0;
  g_array_set_size (self->pending, 0);
  self->next_pending = 0;
  return G_SOURCE_REMOVE;
}

/* The findings in the order the list shows them: grouped by rule in the
 * order of cd_check_list_rules(), within a rule as the engine found them.
 * At most MAX_LINES. */
static GArray *
list_order (CdChecksPanel *self)
{
  const char *const *rules = cd_check_list_rules ();
  GArray            *order = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint r = 0; rules[r] != NULL; r++)
    for (guint i = 0; i < self->findings->len && order->len < MAX_LINES; i++)
      if (g_str_equal (((CdFinding *) g_ptr_array_index (self->findings, i))->rule, rules[r]))
        g_array_append_val (order, i);
  return order;
}

/* Brings the list to the findings, replacing only the rows that differ (a
 * keystroke adds or drops a finding or two), and maps every row's serial to
 * its finding's place in self->findings. */
static void
update_list (CdChecksPanel *self)
{
  g_autoptr (GArray) order = list_order (self);
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  g_autofree char *count = NULL;
  guint            prefix = 0, suffix = 0;
  guint            n_old, n_new = order->len;

  /* Rows not made yet are dropped; the diff is against the rows there are. */
  g_clear_handle_id (&self->fill_id, g_source_remove);
  g_array_set_size (self->pending, 0);
  self->next_pending = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && g_object_get_data (G_OBJECT (child), "doomed") == NULL)
      g_ptr_array_add (rows, child);
  n_old = rows->len;
  for (guint i = 0; i < n_new; i++)
    g_ptr_array_add (keys, line_key (g_ptr_array_index (self->findings,
                                                        g_array_index (order, guint, i))));

  while (prefix < MIN (n_old, n_new) &&
         g_str_equal (g_object_get_data (g_ptr_array_index (rows, prefix), "key"),
                      g_ptr_array_index (keys, prefix)))
    prefix++;
  while (suffix < MIN (n_old, n_new) - prefix &&
         g_str_equal (g_object_get_data (g_ptr_array_index (rows, n_old - 1 - suffix), "key"),
                      g_ptr_array_index (keys, n_new - 1 - suffix)))
    suffix++;

  g_hash_table_remove_all (self->serials);
  for (guint i = 0; i < n_old; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);

      if (i >= prefix && i < n_old - suffix)
        {
          /* Hidden now, taken out in idle time with the new rows' making. */
          g_object_set_data (G_OBJECT (row), "doomed", GINT_TO_POINTER (TRUE));
          gtk_widget_set_visible (row, FALSE);
          g_ptr_array_add (self->doomed, row);
        }
      else
        {
          guint j = i < prefix ? i : i - n_old + n_new;

          g_hash_table_insert (self->serials, g_object_get_data (G_OBJECT (row), "serial"),
                               GUINT_TO_POINTER (g_array_index (order, guint, j) + 1));
        }
    }
  for (guint i = prefix; i < n_new - suffix; i++)
    {
      guint   index = g_array_index (order, guint, i);
      Pending pending = { cd_finding_copy (g_ptr_array_index (self->findings, index)),
                          ++self->next_serial };

      g_array_append_val (self->pending, pending);
      g_hash_table_insert (self->serials, GUINT_TO_POINTER (pending.serial),
                           GUINT_TO_POINTER (index + 1));
    }
  /* fill_list_cb() takes the hidden rows out before it puts any in, so
   * positions count live rows only. */
  self->insert_at = prefix;
  if (self->pending->len > 0 || self->doomed->len > 0)
    self->fill_id = g_idle_add_full (G_PRIORITY_LOW, fill_list_cb, self, NULL);

  if (self->findings->len == 0)
    count = g_strdup (_ ("Nothing found"));
  else if (self->findings->len > MAX_LINES)
    /* Translators: the number of findings, then how many of them are listed */
    count = g_strdup_printf (_ ("%u findings, first %u listed"), self->findings->len, MAX_LINES);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding", "%u findings",
                                          self->findings->len),
                             self->findings->len);
  gtk_label_set_label (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, self->findings->len > 0 ? "list" : "empty");
}

static void
show_findings (CdChecksPanel *self,
               GPtrArray     *findings)
{
  g_ptr_array_unref (self->findings);
  self->findings = g_ptr_array_ref (findings);
  underline_all (self);
  /* A hidden pane's list waits until it is shown. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update_list (self);
  else
    self->list_stale = TRUE;
  g_signal_emit (self, signals[FINDINGS_CHANGED], 0);
}

/* Running */

/* A copy of the article with the attached widgets' text, which may be ahead
 * of the article when a widget writes to it only from time to time. */
static CdArticle *
snapshot (CdChecksPanel *self)
{
  CdArticle     *copy = cd_article_copy (self->article);
  GHashTableIter iter;
  gpointer       value;

  g_hash_table_iter_init (&iter, self->attachments);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Attachment      *attachment = value;
      g_autofree char *text = NULL;

      if (attachment->object == NULL)
        continue;
      text = attachment_get_text (attachment);
      cd_article_set_field (copy, attachment->field, text, NULL);
    }
  return copy;
}

typedef struct
{
  CdChecksPanel *self;
  guint          generation;
} RunData;

static void start_check (CdChecksPanel *self);

static void
run_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  RunData       *data = user_data;
  CdChecksPanel *self = data->self;
  guint          generation = data->generation;
  g_autoptr (GPtrArray) findings = NULL;
  g_autoptr (GError) error = NULL;

  g_free (data);
  findings = cd_checker_run_finish (CD_CHECKER (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->running = FALSE;
  if (findings == NULL)
    {
      g_warning ("The checks failed: %s", error->message);
      return;
    }
  /* Offsets are only good for the text they were made from. */
  if (generation == self->generation && self->article != NULL)
    show_findings (self, findings);
  if (self->rerun)
    {
      self->rerun = FALSE;
      start_check (self);
    }
}

static void
start_check (CdChecksPanel *self)
{
  g_autoptr (CdArticle) copy = NULL;
  RunData *data;

  if (self->article == NULL)
    return;
  if (self->running)
    {
      self->rerun = TRUE;
      return;
    }
  copy = snapshot (self);
  data = g_new0 (RunData, 1);
  data->self = self;
  data->generation = self->generation;
  self->running = TRUE;
  cd_checker_run_async (self->checker, copy, self->cancellable, run_cb, data);
}

static gboolean
timeout_cb (gpointer user_data)
{
  CdChecksPanel *self = user_data;

  self->timeout_id = 0;
  start_check (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_check (CdChecksPanel *self)
{
  self->generation++;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->article != NULL)
    self->timeout_id = g_timeout_add (CD_CHECKS_PANEL_DELAY_MS, timeout_cb, self);
}

/**
 * cd_checks_panel_queue_check:
 *
 * Runs the checks again after the usual pause, as after an edit.
 */
void
cd_checks_panel_queue_check (CdChecksPanel *self)
{
  g_return_if_fail (CD_IS_CHECKS_PANEL (self));
  schedule_check (self);
}

/* Actions */

/* Lines' buttons name their line by serial. */
static const CdFinding *
finding_for_serial (CdChecksPanel *self,
                    guint          serial)
{
  int index = GPOINTER_TO_INT (g_hash_table_lookup (self->serials, GUINT_TO_POINTER (serial)));

  return index > 0 && (guint) index <= self->findings->len ? g_ptr_array_index (self->findings, index - 1) : NULL;
}

static const CdFinding *
finding_for_action (CdChecksPanel *self,
                    GVariant      *parameter)
{
  return finding_for_serial (self, g_variant_get_uint32 (parameter));
}

static void
report_error (CdChecksPanel *self,
              GError        *error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
  else
    g_warning ("%s", error->message);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CdChecksPanel   *self = CD_CHECKS_PANEL (widget);
  const CdFinding *finding = finding_for_action (self, parameter);

  if (finding != NULL)
    cd_checks_panel_apply (self, finding);
}

static void
ignore_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CdChecksPanel   *self = CD_CHECKS_PANEL (widget);
  const CdFinding *finding = finding_for_action (self, parameter);
  g_autoptr (GError) error = NULL;

  if (finding != NULL && !cd_checks_panel_ignore (self, finding, &error))
    report_error (self, error);
}

static void
add_word_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CdChecksPanel   *self = CD_CHECKS_PANEL (widget);
  const CdFinding *finding = finding_for_action (self, parameter);
  g_autoptr (GError) error = NULL;

  if (finding != NULL && !cd_checks_panel_add_word (self, finding, &error))
    report_error (self, error);
}

static void
row_activated_cb (CdChecksPanel *self,
                  GtkListBoxRow *row)
{
  const CdFinding *finding =
      finding_for_serial (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "serial")));

  if (finding != NULL)
    g_signal_emit (self, signals[ACTIVATE_FINDING], 0, finding->field, finding->start,
                   finding->end);
}

/* The widget */

static void
article_notify_cb (CdChecksPanel *self)
{
  schedule_check (self);
}

static void
cd_checks_panel_map (GtkWidget *widget)
{
  CdChecksPanel *self = CD_CHECKS_PANEL (widget);

  GTK_WIDGET_CLASS (cd_checks_panel_parent_class)->map (widget);
  if (self->list_stale)
    {
      self->list_stale = FALSE;
      update_list (self);
    }
}

static void
cd_checks_panel_dispose (GObject *object)
{
  CdChecksPanel *self = CD_CHECKS_PANEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->fill_id, g_source_remove);
  if (self->article != NULL)
    g_clear_signal_handler (&self->notify_id, self->article);
  g_clear_object (&self->article);
  g_clear_object (&self->store);
  g_clear_pointer (&self->attachments, g_hash_table_unref);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (cd_checks_panel_parent_class)->dispose (object);
}

static void
cd_checks_panel_finalize (GObject *object)
{
  CdChecksPanel *self = CD_CHECKS_PANEL (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->checker);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->serials, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->doomed, g_ptr_array_unref);

  G_OBJECT_CLASS (cd_checks_panel_parent_class)->finalize (object);
}

static void
cd_checks_panel_class_init (CdChecksPanelClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cd_checks_panel_dispose;
  object_class->finalize = cd_checks_panel_finalize;
  widget_class->map = cd_checks_panel_map;

  /**
   * CdChecksPanel::activate-finding:
   * @field: the field's name ("body", "headline", …)
   * @start: the first character of the finding
   * @end: the character after it
   *
   * The person picked a finding; the window selects its text.
   */
  signals[ACTIVATE_FINDING] =
      g_signal_new ("activate-finding", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                    NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_UINT, G_TYPE_UINT);
  /**
   * CdChecksPanel::findings-changed:
   *
   * A run finished and its findings are shown and underlined.
   */
  signals[FINDINGS_CHANGED] =
      g_signal_new ("findings-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                    NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "checks.apply", "u", apply_action);
  gtk_widget_class_install_action (widget_class, "checks.ignore", "u", ignore_action);
  gtk_widget_class_install_action (widget_class, "checks.add-word", "u", add_word_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "checkspanel");
}

static void
cd_checks_panel_init (CdChecksPanel *self)
{
  GtkWidget *header, *title, *scrolled, *empty;

  self->checker = cd_checker_new ();
  /* Enchant's own suggestions cost tens of milliseconds a word; while the
   * person types, the ones a single edit away are enough. */
  cd_checker_set_thorough_suggestions (self->checker, FALSE);
  self->cancellable = g_cancellable_new ();
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_finding_free);
  self->attachments = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, attachment_free);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_bottom (header, 6);
  title = gtk_label_new (_ ("Checks"));
  gtk_widget_add_css_class (title, "title-4");
  gtk_box_append (GTK_BOX (header), title);
  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_widget_set_hexpand (GTK_WIDGET (self->count_label), TRUE);
  gtk_label_set_xalign (self->count_label, 1);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->count_label));
  gtk_box_append (GTK_BOX (self->box), header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->stack));

  self->serials = g_hash_table_new (NULL, NULL);
  self->pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  self->doomed = g_ptr_array_new ();
  g_array_set_clear_func (self->pending, pending_clear);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_list_box_set_header_func (self->list, header_func, NULL, NULL);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_margin_start (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->list), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->list), 12);
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_stack_add_named (self->stack, scrolled, "list");

  empty = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _ ("Nothing Found"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _ ("Spelling, names, quotes, markup and house style look "
                                      "right."));
  gtk_widget_add_css_class (empty, "compact");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/**
 * cd_checks_panel_new:
 *
 * Returns: (transfer full): a new, empty Checks panel
 */
GtkWidget *
cd_checks_panel_new (void)
{
  return g_object_new (CD_TYPE_CHECKS_PANEL, NULL);
}

/**
 * cd_checks_panel_set_article:
 * @store: (nullable): the store the article lives in; the word list and
 *   the ignored findings are kept in its folder
 * @article: (nullable): the article to check, or %NULL for none
 */
void
cd_checks_panel_set_article (CdChecksPanel *self,
                             CdStore       *store,
                             CdArticle     *article)
{
  g_autoptr (GPtrArray) none = NULL;

  g_return_if_fail (CD_IS_CHECKS_PANEL (self));
  g_return_if_fail (store == NULL || CD_IS_STORE (store));
  g_return_if_fail (article == NULL || CD_IS_ARTICLE (article));

  if (store != self->store)
    {
      g_set_object (&self->store, store);
      if (store != NULL)
        {
          g_autofree char *dir = g_path_get_dirname (cd_store_get_path (store));
          g_autoptr (GError) error = NULL;

          if (!cd_checker_load_data_dir (self->checker, dir, &error))
            report_error (self, error);
        }
    }

  if (article == self->article)
    return;
  if (self->article != NULL)
    g_clear_signal_handler (&self->notify_id, self->article);
  g_set_object (&self->article, article);
  if (article != NULL)
    self->notify_id = g_signal_connect_swapped (article, "notify",
                                                G_CALLBACK (article_notify_cb), self);

  /* Nothing old stays on screen for a new article. */
  none = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_finding_free);
  show_findings (self, none);
  schedule_check (self);
}

/**
 * cd_checks_panel_get_article:
 *
 * Returns: (transfer none) (nullable): the article being checked
 */
CdArticle *
cd_checks_panel_get_article (CdChecksPanel *self)
{
  g_return_val_if_fail (CD_IS_CHECKS_PANEL (self), NULL);
  return self->article;
}

/**
 * cd_checks_panel_get_checker:
 *
 * Returns: (transfer none): the checker, for binding its settings
 */
CdChecker *
cd_checks_panel_get_checker (CdChecksPanel *self)
{
  g_return_val_if_fail (CD_IS_CHECKS_PANEL (self), NULL);
  return self->checker;
}

static void
attach (CdChecksPanel *self,
        const char    *field,
        GObject       *object,
        const char    *signal)
{
  Attachment *attachment = g_new0 (Attachment, 1);

  attachment->field = g_strdup (field);
  attachment->object = object;
  g_object_add_weak_pointer (object, (gpointer *) &attachment->object);
  attachment->changed_id = g_signal_connect_swapped (object, signal,
                                                     G_CALLBACK (schedule_check), self);
  g_hash_table_replace (self->attachments, attachment->field, attachment);
  schedule_check (self);
}

/**
 * cd_checks_panel_attach_buffer:
 * @field: the field @buffer edits, as a rule's findings name it ("body")
 *
 * Underlines findings in @buffer and checks again when it changes.
 */
void
cd_checks_panel_attach_buffer (CdChecksPanel *self,
                               const char    *field,
                               GtkTextBuffer *buffer)
{
  g_return_if_fail (CD_IS_CHECKS_PANEL (self));
  g_return_if_fail (field != NULL);
  g_return_if_fail (GTK_IS_TEXT_BUFFER (buffer));

  ensure_tags (buffer);
  attach (self, field, G_OBJECT (buffer), "changed");
}

/**
 * cd_checks_panel_attach_editable:
 * @field: the field @editable edits ("headline", "dek", …)
 *
 * Underlines findings in @editable and checks again when it changes.
 */
void
cd_checks_panel_attach_editable (CdChecksPanel *self,
                                 const char    *field,
                                 GtkEditable   *editable)
{
  g_return_if_fail (CD_IS_CHECKS_PANEL (self));
  g_return_if_fail (field != NULL);
  g_return_if_fail (GTK_IS_EDITABLE (editable));

  attach (self, field, G_OBJECT (editable), "changed");
}

void
cd_checks_panel_detach (CdChecksPanel *self,
                        const char    *field)
{
  g_return_if_fail (CD_IS_CHECKS_PANEL (self));
  g_hash_table_remove (self->attachments, field);
}

/**
 * cd_checks_panel_get_findings:
 *
 * Returns: (transfer none) (element-type CdFinding): the findings shown
 */
GPtrArray *
cd_checks_panel_get_findings (CdChecksPanel *self)
{
  g_return_val_if_fail (CD_IS_CHECKS_PANEL (self), NULL);
  return self->findings;
}

/**
 * cd_checks_panel_apply:
 *
 * Replaces the finding's text with its suggestion, in the attached widget
 * when there is one (so that undo works), else in the article.
 *
 * Returns: %FALSE when the text has changed since the finding was made
 */
gboolean
cd_checks_panel_apply (CdChecksPanel   *self,
                       const CdFinding *finding)
{
  g_autoptr (CdFinding) f = NULL;
  Attachment *attachment;

  g_return_val_if_fail (CD_IS_CHECKS_PANEL (self), FALSE);
  g_return_val_if_fail (finding != NULL, FALSE);

  if (finding->suggestion == NULL || self->article == NULL)
    return FALSE;
  /* The finding may be one of ours, which the edit below replaces. */
  f = cd_finding_copy (finding);
  attachment = g_hash_table_lookup (self->attachments, f->field);

  if (attachment != NULL && attachment->object != NULL &&
      GTK_IS_TEXT_BUFFER (attachment->object))
    {
      GtkTextBuffer   *buffer = GTK_TEXT_BUFFER (attachment->object);
      GtkTextIter      start, end;
      g_autofree char *current = NULL;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, f->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, f->end);
      current = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
      if (!g_str_equal (current, f->text))
        return FALSE;
      gtk_text_buffer_begin_user_action (buffer);
      gtk_text_buffer_delete (buffer, &start, &end);
      gtk_text_buffer_insert (buffer, &start, f->suggestion, -1);
      gtk_text_buffer_end_user_action (buffer);
    }
  else if (attachment != NULL && attachment->object != NULL)
    {
      GtkEditable     *editable = GTK_EDITABLE (attachment->object);
      g_autofree char *current = gtk_editable_get_chars (editable, f->start, f->end);
      int              position = f->start;

      if (!g_str_equal (current, f->text))
        return FALSE;
      gtk_editable_delete_text (editable, f->start, f->end);
      gtk_editable_insert_text (editable, f->suggestion, -1, &position);
    }
  else
    {
      g_autofree char *value = cd_article_get_field (self->article, f->field);
      g_autoptr (GString) changed = NULL;
      const char *start, *end;

      if (value == NULL || (glong) f->end > g_utf8_strlen (value, -1))
        return FALSE;
      start = g_utf8_offset_to_pointer (value, f->start);
      end = g_utf8_offset_to_pointer (value, f->end);
      if (strncmp (start, f->text, end - start) != 0)
        return FALSE;
      changed = g_string_new_len (value, start - value);
      g_string_append (changed, f->suggestion);
      g_string_append (changed, end);
      cd_article_set_field (self->article, f->field, changed->str, NULL);
    }
  schedule_check (self);
  return TRUE;
}

static void
drop_finding (CdChecksPanel   *self,
              const CdFinding *finding)
{
  g_autoptr (GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_finding_free);
  g_autofree char *key = cd_finding_get_ignore_key (finding);

  for (guint i = 0; i < self->findings->len; i++)
    {
      const CdFinding *f = g_ptr_array_index (self->findings, i);
      g_autofree char *other = cd_finding_get_ignore_key (f);

      if (!g_str_equal (key, other))
        g_ptr_array_add (kept, cd_finding_copy (f));
    }
  show_findings (self, kept);
}

/**
 * cd_checks_panel_ignore:
 *
 * Leaves the finding (its rule, field and text) out of this article's
 * checks from now on, and remembers that in the store's folder.
 *
 * Returns: %TRUE on success
 */
gboolean
cd_checks_panel_ignore (CdChecksPanel   *self,
                        const CdFinding *finding,
                        GError         **error)
{
  g_autoptr (CdFinding) f = NULL;

  g_return_val_if_fail (CD_IS_CHECKS_PANEL (self), FALSE);
  g_return_val_if_fail (finding != NULL, FALSE);

  if (self->article == NULL)
    return FALSE;
  f = cd_finding_copy (finding);
  if (!cd_checker_ignore (self->checker, cd_article_get_uuid (self->article), f, error))
    return FALSE;
  drop_finding (self, f);
  return TRUE;
}

/**
 * cd_checks_panel_add_word:
 *
 * Adds a spelling finding's word to the newsroom word list.
 *
 * Returns: %TRUE on success
 */
gboolean
cd_checks_panel_add_word (CdChecksPanel   *self,
                          const CdFinding *finding,
                          GError         **error)
{
  g_autoptr (CdFinding) f = NULL;

  g_return_val_if_fail (CD_IS_CHECKS_PANEL (self), FALSE);
  g_return_val_if_fail (finding != NULL, FALSE);

  f = cd_finding_copy (finding);
  if (!cd_checker_add_word (self->checker, f->text, error))
    return FALSE;
  drop_finding (self, f);
  schedule_check (self);
  return TRUE;
}
