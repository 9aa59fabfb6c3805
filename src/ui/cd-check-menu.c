/* cd-check-menu.c: what the checks found, offered in the body's context
 * menu.
 *
 * A right-click on an underlined word (or the Menu key, or Shift+F10, with
 * the cursor in it) opens the text view's own menu with the finding's fix
 * in a section of its own, which GTK puts after the view's own items: its
 * suggestion, "Add to Word List" for a spelling finding, and "Ignore".
 * What another part gave the view as its extra menu (the image blocks'
 * "Edit Image…") stays, after that section. The menu follows the cursor: the text view shows its extra
 * menu, which is set whenever the finding under the cursor changes, and a
 * right-click first puts the cursor where it landed (unless it landed in
 * the selection, which the menu's Cut and Copy are for). While the menu is
 * open it stays as it was opened, even when the checks finish meanwhile:
 * GTK would take an open menu off the screen when its extra menu is set,
 * and its items act on the finding it shows. It also waits, after the menu
 * closes, until the keyboard focus is back in the text: GTK moves it there
 * from a closed menu only at the next frame, and a menu taken away before
 * then sends it to the next button. Choosing the suggestion replaces the
 * word as one undoable edit, as Apply in the checks panel does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-check-menu"

#include "config.h"

#include <glib/gi18n.h>

#include "cd-check-menu.h"

struct _CdCheckMenu
{
  GObject parent_instance;

  CdCheckRunner *runner;
  GtkTextView   *view; /* weak: the view owns the menu */
  char          *field;
  CdFinding     *finding;   /* the finding under the cursor, or NULL */
  GMenuModel    *own;       /* the extra menu another part gave the view */
  GMenuModel    *shown;     /* the extra menu set here last */
  GtkWidget     *held_by;   /* weak: the popover the menu waits for */
  GtkWidget     *held_root; /* weak: its window, whose focus it watches */
  gulong         closed_id;
  gulong         focus_id;
  guint          idle_id;
};

G_DEFINE_FINAL_TYPE (CdCheckMenu, cd_check_menu, G_TYPE_OBJECT)

static gboolean
same_finding (const CdFinding *a,
              const CdFinding *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->start == b->start && a->end == b->end && g_str_equal (a->rule, b->rule) &&
         g_strcmp0 (a->suggestion, b->suggestion) == 0 && g_str_equal (a->text, b->text);
}

/* The finding in this field that the cursor is in or touches; the one
 * starting last wins, so a word inside a longer finding gets its own. */
static const CdFinding *
finding_at_cursor (CdCheckMenu *self)
{
  GtkTextBuffer   *buffer = gtk_text_view_get_buffer (self->view);
  GPtrArray       *findings = cd_check_runner_get_findings (self->runner);
  const CdFinding *found = NULL;
  GtkTextIter      cursor;
  guint            offset;

  g_assert (CD_IS_CHECK_MENU (self));

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  offset = gtk_text_iter_get_offset (&cursor);
  for (guint i = 0; findings != NULL && i < findings->len; i++)
    {
      const CdFinding *f = g_ptr_array_index (findings, i);

      if (!g_str_equal (f->field, self->field) || offset < f->start || offset > f->end ||
          f->start == f->end)
        continue;
      if (found == NULL || f->start >= found->start)
        found = f;
    }
  return found;
}

static GMenuModel *
build_menu (const CdFinding *f,
            GMenuModel      *own)
{
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenu) section = g_menu_new ();

  g_assert (f != NULL);

  if (f->suggestion != NULL && !g_str_equal (f->suggestion, f->text))
    {
      g_autoptr (GMenuItem) item = NULL;

      /* A suggestion that deletes shows what it deletes. */
      if (*f->suggestion == '\0')
        {
          g_autofree char *label = g_strdup_printf (_ ("Delete “%s”"), f->text);

          item = g_menu_item_new (label, NULL);
        }
      else
        item = g_menu_item_new (f->suggestion, NULL);
      g_menu_item_set_action_and_target_value (item, "check.replace",
                                               g_variant_new_string (f->suggestion));
      g_menu_append_item (section, item);
    }
  if (g_str_equal (f->rule, CD_CHECK_RULE_SPELLING))
    g_menu_append (section, _ ("_Add to Word List"), "check.add-word");
  g_menu_append (section, _ ("_Ignore"), "check.ignore");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  if (own != NULL)
    g_menu_append_section (menu, NULL, own);
  return G_MENU_MODEL (g_steal_pointer (&menu));
}

/* Whether @popover is on screen or, just closed, still holds the window's
 * keyboard focus (which GTK gives back to the view at the next frame). */
static gboolean
popover_in_use (GtkWidget *popover)
{
  GtkRoot   *root = gtk_widget_get_root (popover);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  g_assert (GTK_IS_POPOVER (popover));

  return gtk_widget_get_visible (popover) ||
         (focus != NULL && gtk_widget_is_ancestor (focus, popover));
}

/* A popover of the view in use: its context menu, or the emoji chooser. */
static GtkWidget *
open_popover (CdCheckMenu *self)
{
  g_assert (CD_IS_CHECK_MENU (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER (child) && popover_in_use (child))
        return child;
    }
  return NULL;
}

static void update (CdCheckMenu *self);

static gboolean
update_idle_cb (gpointer data)
{
  CdCheckMenu *self = CD_CHECK_MENU (data);

  self->idle_id = 0;
  update (self);
  return G_SOURCE_REMOVE;
}

static void
release_hold (CdCheckMenu *self)
{
  g_assert (CD_IS_CHECK_MENU (self));

  if (self->held_by != NULL)
    g_clear_signal_handler (&self->closed_id, self->held_by);
  if (self->held_root != NULL)
    g_clear_signal_handler (&self->focus_id, self->held_root);
  self->closed_id = 0;
  self->focus_id = 0;
  g_clear_weak_pointer (&self->held_by);
  g_clear_weak_pointer (&self->held_root);
}

/* The chosen item's action runs after the menu closes, on the finding the
 * menu showed; the menu catches up once the focus is back in the text. */
static void
hold_changed_cb (CdCheckMenu *self)
{
  g_assert (CD_IS_CHECK_MENU (self));

  if (self->held_by != NULL && popover_in_use (self->held_by))
    return;
  release_hold (self);
  if (self->idle_id == 0)
    self->idle_id = g_idle_add (update_idle_cb, self);
}

static void
update (CdCheckMenu *self)
{
  const CdFinding *f;
  GtkWidget       *popover;
  g_autoptr (GMenuModel) menu = NULL;

  g_assert (CD_IS_CHECK_MENU (self));

  if (self->view == NULL || self->held_by != NULL)
    return;
  if ((popover = open_popover (self)) != NULL)
    {
      release_hold (self); /* what is left of a hold whose popover is gone */
      g_set_weak_pointer (&self->held_by, popover);
      self->closed_id = g_signal_connect_object (popover, "closed", G_CALLBACK (hold_changed_cb),
                                                 self, G_CONNECT_SWAPPED);
      if (GTK_IS_WINDOW (gtk_widget_get_root (popover)))
        {
          g_set_weak_pointer (&self->held_root, GTK_WIDGET (gtk_widget_get_root (popover)));
          self->focus_id = g_signal_connect_object (self->held_root, "notify::focus-widget",
                                                    G_CALLBACK (hold_changed_cb), self,
                                                    G_CONNECT_SWAPPED);
        }
      return;
    }
  f = finding_at_cursor (self);
  if (same_finding (f, self->finding))
    return;
  g_clear_pointer (&self->finding, cd_finding_free);
  if (f != NULL)
    {
      self->finding = cd_finding_copy (f);
      menu = build_menu (f, self->own);
    }
  else if (self->own != NULL)
    menu = g_object_ref (self->own);
  g_set_object (&self->shown, menu);
  gtk_text_view_set_extra_menu (self->view, menu);
}

/* Another part set the view's extra menu: it is kept, after the finding's
 * section. */
static void
extra_menu_changed_cb (CdCheckMenu *self)
{
  GMenuModel *menu;

  g_assert (CD_IS_CHECK_MENU (self));

  if (self->view == NULL || (menu = gtk_text_view_get_extra_menu (self->view)) == self->shown)
    return;
  g_set_object (&self->own, menu);
  g_clear_object (&self->shown);
  g_clear_pointer (&self->finding, cd_finding_free);
  update (self);
}

static void
mark_set_cb (CdCheckMenu   *self,
             GtkTextIter   *location,
             GtkTextMark   *mark,
             GtkTextBuffer *buffer)
{
  g_assert (CD_IS_CHECK_MENU (self));
  g_assert (GTK_IS_TEXT_BUFFER (buffer));

  if (mark == gtk_text_buffer_get_insert (buffer))
    update (self);
}

/* Runs before the text view's own handler, which opens the menu. */
static void
secondary_pressed_cb (CdCheckMenu     *self,
                      int              n_press,
                      double           x,
                      double           y,
                      GtkGestureClick *gesture)
{
  GtkTextBuffer *buffer;
  GtkTextIter    iter, start, end;
  int            bx, by;

  g_assert (CD_IS_CHECK_MENU (self));
  g_assert (GTK_IS_GESTURE_CLICK (gesture));

  if (self->view == NULL)
    return;
  buffer = gtk_text_view_get_buffer (self->view);
  gtk_text_view_window_to_buffer_coords (self->view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->view, &iter, bx, by))
    return;
  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end) &&
      gtk_text_iter_in_range (&iter, &start, &end))
    return;
  gtk_text_buffer_place_cursor (buffer, &iter);
}

static void
replace_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       data)
{
  CdCheckMenu *self = CD_CHECK_MENU (data);
  g_autoptr (CdFinding) f = NULL;

  g_assert (G_IS_SIMPLE_ACTION (action));

  if (self->finding == NULL)
    return;
  f = cd_finding_copy (self->finding);
  g_free (f->suggestion);
  f->suggestion = g_variant_dup_string (param, NULL);
  cd_check_runner_apply (self->runner, f);
}

/* Add to Word List and Ignore: the runner does the work and drops the
 * finding; a failure to write the list is logged, as the panel's is. */
static void
keep_choice_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       data)
{
  CdCheckMenu *self = CD_CHECK_MENU (data);
  g_autoptr (CdFinding) f = NULL;
  g_autoptr (GError) error = NULL;
  gboolean kept;

  g_assert (G_IS_SIMPLE_ACTION (action));

  if (self->finding == NULL)
    return;
  f = cd_finding_copy (self->finding);
  if (g_str_equal (g_action_get_name (G_ACTION (action)), "add-word"))
    kept = cd_check_runner_add_word (self->runner, f, &error);
  else
    kept = cd_check_runner_ignore (self->runner, f, &error);
  if (!kept && error != NULL)
    g_warning ("Could not keep what was chosen for “%s”: %s", f->text, error->message);
}

static void
cd_check_menu_dispose (GObject *object)
{
  CdCheckMenu *self = CD_CHECK_MENU (object);

  release_hold (self);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->view != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->view), (gpointer *) &self->view);
  self->view = NULL;
  g_clear_object (&self->runner);

  G_OBJECT_CLASS (cd_check_menu_parent_class)->dispose (object);
}

static void
cd_check_menu_finalize (GObject *object)
{
  CdCheckMenu *self = CD_CHECK_MENU (object);

  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->finding, cd_finding_free);
  g_clear_object (&self->own);
  g_clear_object (&self->shown);

  G_OBJECT_CLASS (cd_check_menu_parent_class)->finalize (object);
}

static void
cd_check_menu_class_init (CdCheckMenuClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cd_check_menu_dispose;
  object_class->finalize = cd_check_menu_finalize;
}

static void
cd_check_menu_init (CdCheckMenu *self)
{
}

/**
 * cd_check_menu_attach:
 * @runner: the runner whose findings to offer
 * @view: the text view, attached to @runner as @field
 * @field: the field @view edits ("body")
 *
 * Offers @runner's findings in @view's context menu for as long as @view
 * lives; @view keeps the menu.
 *
 * Returns: (transfer none): the menu
 */
CdCheckMenu *
cd_check_menu_attach (CdCheckRunner *runner,
                      GtkTextView   *view,
                      const char    *field)
{
  static const GActionEntry actions[] = {
    {"replace",   replace_action,     "s" },
    { "add-word", keep_choice_action, NULL},
    { "ignore",   keep_choice_action, NULL},
  };
  g_autoptr (GSimpleActionGroup) group = g_simple_action_group_new ();
  GtkGesture  *gesture;
  CdCheckMenu *self;

  g_return_val_if_fail (CD_IS_CHECK_RUNNER (runner), NULL);
  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  self = g_object_new (CD_TYPE_CHECK_MENU, NULL);
  self->runner = g_object_ref (runner);
  self->view = view;
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &self->view);
  self->field = g_strdup (field);
  g_set_object (&self->own, gtk_text_view_get_extra_menu (view));
  g_object_set_data_full (G_OBJECT (view), "cd-check-menu", self, g_object_unref);

  g_action_map_add_action_entries (G_ACTION_MAP (group), actions, G_N_ELEMENTS (actions), self);
  gtk_widget_insert_action_group (GTK_WIDGET (view), "check", G_ACTION_GROUP (group));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (secondary_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (view), GTK_EVENT_CONTROLLER (gesture));

  g_signal_connect_object (gtk_text_view_get_buffer (view), "mark-set", G_CALLBACK (mark_set_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (runner, "findings-changed", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "notify::extra-menu", G_CALLBACK (extra_menu_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update (self);
  return self;
}

/**
 * cd_check_menu_get_finding:
 *
 * Returns: (nullable) (transfer none): the finding the menu offers, the
 *   one under the cursor
 */
const CdFinding *
cd_check_menu_get_finding (CdCheckMenu *self)
{
  g_return_val_if_fail (CD_IS_CHECK_MENU (self), NULL);
  return self->finding;
}
