/* dm-lesson-dialog.c: the lesson as a teacher prepares it: its title, and its steps to reorder, delete, caption and jump to. */
#include "config.h"

#include <glib/gi18n.h>

#include "dm-lesson-dialog.h"

struct _DmLessonDialog
{
  AdwWindow     parent_instance;

  AdwEntryRow  *title_row;
  GtkListBox   *steps;
  GtkWidget    *present_button;
  GtkWidget    *save_button;

  DmPresenter  *presenter;
  DmCatalog    *catalog;
};

G_DEFINE_FINAL_TYPE (DmLessonDialog, dm_lesson_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  DmCaptionFunc  func;
  gpointer       user_data;
  GDestroyNotify destroy;
  GtkEntry      *entry;
} CaptionRequest;

static DmLesson *
lesson (DmLessonDialog *self)
{
  return dm_presenter_get_lesson (self->presenter, FALSE);
}

static const char *
proposal_name (DmLessonDialog *self,
               const char     *id)
{
  DmProposal *proposal = dm_catalog_find_proposal (self->catalog, id);

  return proposal ? dm_proposal_get_short_title (proposal) : id;
}

/* "US 28-point plan · swiped against US revised · the proposal's own day". */
static char *
describe_step (DmLessonDialog *self,
               DmLessonStep   *step)
{
  GString *s = g_string_new (proposal_name (self, step->proposal));

  if (step->compare != NULL)
    {
      const char *other = dm_catalog_find_proposal (self->catalog, step->compare)
                          ? proposal_name (self, step->compare) : NULL;

      g_string_append (s, " · ");
      if (other == NULL)
        g_string_append_printf (s, step->swipe ? _("swiped against the line of %s")
                                               : _("beside the line of %s"), step->compare);
      else
        g_string_append_printf (s, step->swipe ? _("swiped against %s") : _("beside %s"), other);
    }
  if (g_strcmp0 (step->control_date, DM_LESSON_PROPOSAL_DAY) == 0)
    g_string_append_printf (s, " · %s", _("the line of the proposal’s own day"));
  else if (step->control_date != NULL)
    g_string_append_printf (s, " · %s", step->control_date);
  return g_string_free (s, FALSE);
}

static void
changed (DmLessonDialog *self)
{
  dm_presenter_lesson_changed (self->presenter);
  dm_lesson_dialog_refresh (self);
}

static guint
row_index (GtkWidget *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);

  return gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
}

static void
move_clicked_cb (GtkButton      *button,
                 DmLessonDialog *self)
{
  int delta = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "delta"));
  guint index = row_index (GTK_WIDGET (button));
  DmLesson *l = lesson (self);

  if (l == NULL || (int) index + delta < 0 || index + delta >= l->steps->len)
    return;
  dm_lesson_move_step (l, index, index + delta);
  changed (self);
  /* The keyboard stays on the step that moved. */
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->steps, index + delta);

    if (row != NULL)
      gtk_widget_grab_focus (GTK_WIDGET (row));
  }
}

static void
delete_clicked_cb (GtkButton      *button,
                   DmLessonDialog *self)
{
  DmLesson *l = lesson (self);

  if (l == NULL)
    return;
  dm_lesson_remove_step (l, row_index (GTK_WIDGET (button)));
  changed (self);
}

typedef struct
{
  DmLessonDialog *self;
  guint           index;
} CaptionTarget;

static void
caption_chosen (const char *caption,
                gpointer    user_data)
{
  CaptionTarget *target = user_data;
  DmLesson *l = lesson (target->self);

  if (l == NULL || target->index >= l->steps->len)
    return;
  dm_lesson_step_set_caption (g_ptr_array_index (l->steps, target->index), caption);
  changed (target->self);
}

static void
caption_target_free (gpointer data)
{
  CaptionTarget *target = data;

  g_object_unref (target->self);
  g_free (target);
}

static void
edit_clicked_cb (GtkButton      *button,
                 DmLessonDialog *self)
{
  DmLesson *l = lesson (self);
  CaptionTarget *target;
  DmLessonStep *step;

  if (l == NULL)
    return;
  target = g_new0 (CaptionTarget, 1);
  target->self = g_object_ref (self);
  target->index = row_index (GTK_WIDGET (button));
  step = g_ptr_array_index (l->steps, target->index);
  dm_lesson_ask_caption (GTK_WINDOW (self), _("Edit Caption"), _("_Save"), step->caption,
                         caption_chosen, target, caption_target_free);
}

static void
row_activated_cb (DmLessonDialog *self,
                  GtkListBoxRow  *row)
{
  dm_presenter_show_step (self->presenter, gtk_list_box_row_get_index (row));
}

static void
save_clicked_cb (DmLessonDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.lesson-save", NULL);
}

static void
present_clicked_cb (DmLessonDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.lesson-present", NULL);
}

static void
title_changed_cb (DmLessonDialog *self)
{
  DmLesson *l = lesson (self);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));

  if (l == NULL)
    return;
  g_free (l->title);
  l->title = *title != '\0' ? g_steal_pointer (&title) : NULL;
}

static GtkWidget *
row_button (DmLessonDialog *self,
            const char     *icon,
            const char     *label,
            GCallback       callback,
            int             delta,
            gboolean        sensitive)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_sensitive (button, sensitive);
  g_object_set_data (G_OBJECT (button), "delta", GINT_TO_POINTER (delta));
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

/* Rows rebuilt from the lesson: a handful of steps, so no model. */
void
dm_lesson_dialog_refresh (DmLessonDialog *self)
{
  DmLesson *l;
  GtkWidget *child;
  guint n;

  g_return_if_fail (DM_IS_LESSON_DIALOG (self));

  l = lesson (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->steps))) != NULL)
    gtk_list_box_remove (self->steps, child);
  n = l ? l->steps->len : 0;
  g_signal_handlers_block_by_func (self->title_row, title_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), l && l->title ? l->title : "");
  g_signal_handlers_unblock_by_func (self->title_row, title_changed_cb, self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->title_row), l != NULL);
  gtk_widget_set_sensitive (self->present_button, n > 0);
  gtk_widget_set_sensitive (self->save_button, n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->steps), n > 0);

  for (guint i = 0; i < n; i++)
    {
      DmLessonStep *step = g_ptr_array_index (l->steps, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf ("%u. %s", i + 1,
                                                step->caption ? step->caption
                                                              : _("(no caption)"));
      g_autofree char *subtitle = describe_step (self, step);
      g_autofree char *escaped = g_markup_escape_text (title, -1);
      g_autofree char *escaped_sub = g_markup_escape_text (subtitle, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_sub);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Show this step"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (self, "document-edit-symbolic", _("Edit Caption"),
                                             G_CALLBACK (edit_clicked_cb), 0, TRUE));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (self, "go-up-symbolic", _("Move Up"),
                                             G_CALLBACK (move_clicked_cb), -1, i > 0));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (self, "go-down-symbolic", _("Move Down"),
                                             G_CALLBACK (move_clicked_cb), +1, i + 1 < n));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (self, "user-trash-symbolic", _("Delete Step"),
                                             G_CALLBACK (delete_clicked_cb), 0, TRUE));
      gtk_list_box_append (self->steps, row);
    }
}

static void
dm_lesson_dialog_dispose (GObject *object)
{
  DmLessonDialog *self = DM_LESSON_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DM_TYPE_LESSON_DIALOG);
  g_clear_object (&self->presenter);
  g_clear_pointer (&self->catalog, dm_catalog_unref);
  G_OBJECT_CLASS (dm_lesson_dialog_parent_class)->dispose (object);
}

static void
dm_lesson_dialog_class_init (DmLessonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dm_lesson_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/demarcate/Demarcate/ui/dm-lesson-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DmLessonDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, DmLessonDialog, steps);
  gtk_widget_class_bind_template_child (widget_class, DmLessonDialog, present_button);
  gtk_widget_class_bind_template_child (widget_class, DmLessonDialog, save_button);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dm_lesson_dialog_init (DmLessonDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->steps, "row-activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->title_row, "changed", G_CALLBACK (title_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->present_button, "clicked", G_CALLBACK (present_clicked_cb), self,
                           G_CONNECT_SWAPPED);
}

/* The buttons run the parent's win.lesson-save and win.lesson-present. */
DmLessonDialog *
dm_lesson_dialog_new (GtkWindow   *parent,
                      DmPresenter *presenter,
                      DmCatalog   *catalog)
{
  DmLessonDialog *self = g_object_new (DM_TYPE_LESSON_DIALOG, "transient-for", parent, NULL);

  self->presenter = g_object_ref (presenter);
  self->catalog = dm_catalog_ref (catalog);
  dm_lesson_dialog_refresh (self);
  return self;
}

static void
caption_request_free (gpointer  data,
                      GClosure *closure)
{
  CaptionRequest *request = data;

  if (request->destroy != NULL)
    request->destroy (request->user_data);
  g_free (request);
}

static void
caption_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     CaptionRequest   *request)
{
  if (g_str_equal (response, "accept"))
    request->func (gtk_editable_get_text (GTK_EDITABLE (request->entry)), request->user_data);
}

/* A small dialog asking for a step's caption; func runs on accept. */
void
dm_lesson_ask_caption (GtkWindow     *parent,
                       const char    *heading,
                       const char    *accept,
                       const char    *caption,
                       DmCaptionFunc  func,
                       gpointer       user_data,
                       GDestroyNotify destroy)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading,
                                              _("What the class should see in this step, "
                                                "shown large under the title when presenting."));
  GtkWidget *entry = gtk_entry_new ();
  CaptionRequest *request = g_new0 (CaptionRequest, 1);

  request->func = func;
  request->user_data = user_data;
  request->destroy = destroy;
  request->entry = GTK_ENTRY (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), caption ? caption : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Caption (optional)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Caption"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"), "accept", accept, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "accept",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "accept");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (caption_response_cb), request,
                         caption_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}
