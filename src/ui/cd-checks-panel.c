/* cd-checks-panel.c: the Checks panel.
 *
 * The panel lists the findings of a CdCheckRunner by rule and turns what
 * the person picks into calls on it: apply a fix, ignore a finding, add a
 * word to the list, or go to the text (the "activate-finding" signal).
 * The checks run in the runner and the underlines live in a
 * CdCheckUnderliner; the panel makes both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-checks-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "cd-check-underliner.h"
#include "cd-checks-panel.h"
#include "cd-ui-util.h"

/* A list box lays out all its rows whenever one changes, so the list stays
 * short enough to do that within a frame: the first MAX_LINES findings are
 * listed, the count says how many there are, and fixing or ignoring some
 * brings the next ones up. */
#define MAX_LINES 50

struct _CdChecksPanel
{
  GtkWidget parent_instance;

  CdCheckRunner     *runner;
  CdCheckUnderliner *underliner;
  GPtrArray         *findings; /* CdFinding, as last shown */

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
  ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The list */

/* A name as the core spells it, and its label in the panel. */
typedef struct
{
  const char *name;
  const char *label;
} Label;

/* The translated label of @name in @labels, or %NULL when it has none. */
static const char *
find_label (const Label *labels,
            gsize        n_labels,
            const char  *name)
{
  g_assert (labels != NULL);
  g_assert (name != NULL);

  for (gsize i = 0; i < n_labels; i++)
    if (g_str_equal (labels[i].name, name))
      return _ (labels[i].label);
  return NULL;
}

static const char *
field_label (const char *field)
{
  static const Label labels[] = {
    {"headline",       N_ ("Headline")},
    { "dek",           N_ ("Dek")     },
    { "body",          N_ ("Body")    },
    { "image_caption", N_ ("Caption") },
    { "image_credit",  N_ ("Credit")  },
    { "byline",        N_ ("Byline")  },
    { "dateline",      N_ ("Dateline")},
    { "slug",          N_ ("Slug")    },
    { "image",         N_ ("Image")   },
    { "image_alt",     N_ ("Alt Text")},
    { "language",      N_ ("Language")},
  };
  const char *label = find_label (labels, G_N_ELEMENTS (labels), field);

  return label != NULL ? label : field;
}

static const char *
rule_label (const char *rule)
{
  static const Label labels[] = {
    {CD_CHECK_RULE_SPELLING,              N_ ("Spelling")                        },
    { CD_CHECK_RULE_NAME_VARIANT,         N_ ("Spelled More Than One Way")       },
    { CD_CHECK_RULE_QUOTES,               N_ ("Quotes and Brackets")             },
    { CD_CHECK_RULE_REPEATED_WORD,        N_ ("Repeated Words")                  },
    { CD_CHECK_RULE_A_AN,                 N_ ("“A” or “An”")             },
    { CD_CHECK_RULE_SPACING,              N_ ("Spacing")                         },
    { CD_CHECK_RULE_LEFTOVER_MARKUP,      N_ ("Leftover Markup and Placeholders")},
    { CD_CHECK_RULE_HEADLINE_LENGTH,      N_ ("Headline Length")                 },
    { CD_CHECK_RULE_MISSING_FIELD,        N_ ("Missing Fields")                  },
    { CD_CHECK_RULE_HOUSE_STYLE,          N_ ("House Style")                     },
    { CD_CHECK_RULE_LEFTOVER_BOILERPLATE, N_ ("Leftover Site Boilerplate")       },
    { CD_CHECK_RULE_IMAGE_ALT,            N_ ("Images Without Alt Text")         },
    { CD_CHECK_RULE_IMAGE_CREDIT,         N_ ("Featured Image Without Credit")   },
    { CD_CHECK_RULE_IMAGE_SIZE,           N_ ("Images Larger Than a Page Needs") },
    { CD_CHECK_RULE_LANGUAGE,             N_ ("Article Language")                },
  };
  const char *label = find_label (labels, G_N_ELEMENTS (labels), rule);

  return label != NULL ? label : cd_check_rule_to_label (rule);
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

  g_assert (icon != NULL);
  g_assert (tooltip != NULL);
  g_assert (action != NULL);

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
  g_assert (finding != NULL);

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

  g_assert (finding != NULL);

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

  g_assert (GTK_IS_LIST_BOX_ROW (row));

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
  g_assert (CD_IS_CHECKS_PANEL (self));

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

  g_assert (CD_IS_CHECKS_PANEL (self));

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
findings_changed_cb (CdChecksPanel *self,
                     CdCheckRunner *runner)
{
  g_assert (CD_IS_CHECKS_PANEL (self));
  g_assert (CD_IS_CHECK_RUNNER (runner));

  g_ptr_array_unref (self->findings);
  self->findings = g_ptr_array_ref (cd_check_runner_get_findings (runner));
  /* A hidden pane's list waits until it is shown. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    update_list (self);
  else
    self->list_stale = TRUE;
  g_signal_emit (self, signals[FINDINGS_CHANGED], 0);
}

/* Actions */

/* Lines' buttons name their line by serial. */
static const CdFinding *
finding_for_serial (CdChecksPanel *self,
                    guint          serial)
{
  int index;

  g_assert (CD_IS_CHECKS_PANEL (self));

  index = GPOINTER_TO_INT (g_hash_table_lookup (self->serials, GUINT_TO_POINTER (serial)));
  return index > 0 && (guint) index <= self->findings->len
             ? g_ptr_array_index (self->findings, index - 1)
             : NULL;
}

static const CdFinding *
finding_for_action (CdChecksPanel *self,
                    GVariant      *parameter)
{
  g_assert (CD_IS_CHECKS_PANEL (self));
  g_assert (parameter != NULL);

  return finding_for_serial (self, g_variant_get_uint32 (parameter));
}

/* Whoever shows the panel shows the message; alone, it goes to the log. */
static void
report_error (CdChecksPanel *self,
              GError        *error)
{
  g_assert (CD_IS_CHECKS_PANEL (self));
  g_assert (error != NULL);

  if (g_signal_has_handler_pending (self, signals[ERROR], 0, FALSE))
    g_signal_emit (self, signals[ERROR], 0, error->message);
  else
    g_warning ("%s", error->message);
}

/* checks.apply, checks.ignore and checks.add-word: the buttons of a
 * finding's row, which name the finding by its row's serial. */
static void
finding_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CdChecksPanel   *self = CD_CHECKS_PANEL (widget);
  const CdFinding *finding;
  g_autoptr (GError) error = NULL;
  gboolean done;

  g_assert (action_name != NULL);
  g_assert (parameter != NULL);

  finding = finding_for_action (self, parameter);
  if (finding == NULL)
    return;
  if (g_str_equal (action_name, "checks.apply"))
    done = cd_check_runner_apply (self->runner, finding);
  else if (g_str_equal (action_name, "checks.ignore"))
    done = cd_check_runner_ignore (self->runner, finding, &error);
  else
    done = cd_check_runner_add_word (self->runner, finding, &error);
  if (!done && error != NULL)
    report_error (self, error);
}

static void
row_activated_cb (CdChecksPanel *self,
                  GtkListBoxRow *row)
{
  const CdFinding *finding;

  g_assert (CD_IS_CHECKS_PANEL (self));
  g_assert (GTK_IS_LIST_BOX_ROW (row));

  finding = finding_for_serial (self,
                                GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "serial")));
  if (finding != NULL)
    g_signal_emit (self, signals[ACTIVATE_FINDING], 0, finding->field, finding->start,
                   finding->end);
}

/* The widget */

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
cd_checks_panel_constructed (GObject *object)
{
  CdChecksPanel *self = CD_CHECKS_PANEL (object);

  G_OBJECT_CLASS (cd_checks_panel_parent_class)->constructed (object);

  self->runner = cd_check_runner_new ();
  self->underliner = cd_check_underliner_new (self->runner);
  /* After the underliner's handler, so that what is listed is already
   * underlined when the panel says its findings changed. */
  g_signal_connect_object (self->runner, "findings-changed", G_CALLBACK (findings_changed_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_ptr_array_unref (self->findings);
  self->findings = g_ptr_array_ref (cd_check_runner_get_findings (self->runner));
}

static void
cd_checks_panel_dispose (GObject *object)
{
  CdChecksPanel *self = CD_CHECKS_PANEL (object);

  g_clear_handle_id (&self->fill_id, g_source_remove);
  /* A runner given to the panel may outlive it. */
  if (self->runner != NULL)
    g_signal_handlers_disconnect_by_data (self->runner, self);
  g_clear_object (&self->underliner);
  g_clear_object (&self->runner);
  _cd_widget_dispose_template (GTK_WIDGET (self), CD_TYPE_CHECKS_PANEL);

  G_OBJECT_CLASS (cd_checks_panel_parent_class)->dispose (object);
}

static void
cd_checks_panel_finalize (GObject *object)
{
  CdChecksPanel *self = CD_CHECKS_PANEL (object);

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

  object_class->constructed = cd_checks_panel_constructed;
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
  /**
   * CdChecksPanel::error:
   * @message: what went wrong, in a sentence for the person
   *
   * Something the person asked for failed (the word list or the ignored
   * findings could not be read or written); whoever shows the panel shows
   * the message. Without a handler it goes to the log.
   */
  signals[ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "checks.apply", "u", finding_action);
  gtk_widget_class_install_action (widget_class, "checks.ignore", "u", finding_action);
  gtk_widget_class_install_action (widget_class, "checks.add-word", "u", finding_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/cd-checks-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, CdChecksPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, CdChecksPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, CdChecksPanel, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "checkspanel");
}

static void
cd_checks_panel_init (CdChecksPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) cd_finding_free);
  self->serials = g_hash_table_new (NULL, NULL);
  self->pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  self->doomed = g_ptr_array_new ();
  g_array_set_clear_func (self->pending, pending_clear);
  gtk_list_box_set_header_func (self->list, header_func, NULL, NULL);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/**
 * cd_checks_panel_new:
 *
 * Makes a panel with its own runner and underliner, for a window that
 * attaches its fields to the panel.
 *
 * Returns: (transfer full): a new, empty Checks panel
 */
GtkWidget *
cd_checks_panel_new (void)
{
  return g_object_new (CD_TYPE_CHECKS_PANEL, NULL);
}

/**
 * cd_checks_panel_get_runner:
 *
 * Returns: (transfer none): the runner whose findings are listed
 */
CdCheckRunner *
cd_checks_panel_get_runner (CdChecksPanel *self)
{
  g_return_val_if_fail (CD_IS_CHECKS_PANEL (self), NULL);
  return self->runner;
}

/**
 * cd_checks_panel_set_article:
 * @store: (nullable): the store the article lives in; the word list and
 *   the ignored findings are kept in its folder
 * @article: (nullable): the article to check, or %NULL for none
 *
 * Hands both to the runner (cd_check_runner_set_store() and
 * cd_check_runner_set_article()); a word list that cannot be read is
 * reported with #CdChecksPanel::error.
 */
void
cd_checks_panel_set_article (CdChecksPanel *self,
                             CdStore       *store,
                             CdArticle     *article)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (CD_IS_CHECKS_PANEL (self));
  g_return_if_fail (store == NULL || CD_IS_STORE (store));
  g_return_if_fail (article == NULL || CD_IS_ARTICLE (article));

  if (!cd_check_runner_set_store (self->runner, store, &error))
    report_error (self, error);
  cd_check_runner_set_article (self->runner, article);
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
  return cd_check_runner_get_article (self->runner);
}

/**
 * cd_checks_panel_get_checker:
 *
 * Returns: (transfer none): the runner's checker, for binding its settings
 */
CdChecker *
cd_checks_panel_get_checker (CdChecksPanel *self)
{
  g_return_val_if_fail (CD_IS_CHECKS_PANEL (self), NULL);
  return cd_check_runner_get_checker (self->runner);
}

/**
 * cd_checks_panel_attach:
 * @field: the field @object edits, as a rule's findings name it ("body",
 *   "headline", …)
 * @object: a #GtkTextBuffer or a #GtkEditable
 *
 * Attaches @object to the runner: its findings are underlined in it (a
 * buffer) and it is checked again when it changes.
 */
void
cd_checks_panel_attach (CdChecksPanel *self,
                        const char    *field,
                        GObject       *object)
{
  g_return_if_fail (CD_IS_CHECKS_PANEL (self));
  g_return_if_fail (field != NULL);
  g_return_if_fail (GTK_IS_TEXT_BUFFER (object) || GTK_IS_EDITABLE (object));

  if (GTK_IS_TEXT_BUFFER (object))
    cd_check_underliner_ensure_tags (GTK_TEXT_BUFFER (object));
  cd_check_runner_attach (self->runner, field, object);
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
