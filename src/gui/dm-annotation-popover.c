/* dm-annotation-popover.c: the text entry, kind and Delete of the annotation being edited; "edited" and "delete" tell the layer. */
#include "config.h"

#include "dm-annotation-popover.h"

struct _DmAnnotationPopover
{
  GtkPopover   parent_instance;
  GtkEntry    *text_entry;
  GtkDropDown *kind_dropdown;
  gboolean     setting;
};

G_DEFINE_FINAL_TYPE (DmAnnotationPopover, dm_annotation_popover, GTK_TYPE_POPOVER)

enum {
  EDITED,
  DELETE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
edited_cb (DmAnnotationPopover *self)
{
  if (!self->setting)
    g_signal_emit (self, signals[EDITED], 0);
}

static void
delete_cb (DmAnnotationPopover *self)
{
  g_signal_emit (self, signals[DELETE], 0);
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
done_cb (DmAnnotationPopover *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
dm_annotation_popover_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DM_TYPE_ANNOTATION_POPOVER);
  G_OBJECT_CLASS (dm_annotation_popover_parent_class)->dispose (object);
}

static void
dm_annotation_popover_class_init (DmAnnotationPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dm_annotation_popover_dispose;

  signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[DELETE] = g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/demarcate/Demarcate/ui/dm-annotation-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, DmAnnotationPopover, text_entry);
  gtk_widget_class_bind_template_child (widget_class, DmAnnotationPopover, kind_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, edited_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_cb);
  gtk_widget_class_bind_template_callback (widget_class, done_cb);
}

static void
dm_annotation_popover_init (DmAnnotationPopover *self)
{
  self->setting = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->setting = FALSE;
}

DmAnnotationPopover *
dm_annotation_popover_new (void)
{
  return g_object_new (DM_TYPE_ANNOTATION_POPOVER, NULL);
}

void
dm_annotation_popover_set (DmAnnotationPopover *self,
                           const DmAnnotation  *annotation)
{
  self->setting = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->text_entry), annotation->text);
  gtk_drop_down_set_selected (self->kind_dropdown, annotation->kind);
  self->setting = FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->text_entry));
}

const char *
dm_annotation_popover_get_text (DmAnnotationPopover *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->text_entry));
}

DmAnnotationKind
dm_annotation_popover_get_kind (DmAnnotationPopover *self)
{
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);

  return kind < DM_N_ANNOTATION_KINDS ? kind : DM_ANNOTATION_CALLOUT;
}
