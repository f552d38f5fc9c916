/* dm-annotation-history.c: undo as snapshots of the list: a map holds a few dozen annotations, so a copy per step is cheaper to get right than inverse commands. */
#include "config.h"

#include "dm-annotation-history.h"

struct _DmAnnotationHistory
{
  GObject           parent_instance;
  DmAnnotationList *list;
  GPtrArray        *undo;  /* DmAnnotationList, the newest last */
  GPtrArray        *redo;
};

G_DEFINE_FINAL_TYPE (DmAnnotationHistory, dm_annotation_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
notify_both (DmAnnotationHistory *self,
             gboolean             could_undo,
             gboolean             could_redo)
{
  if (could_undo != dm_annotation_history_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != dm_annotation_history_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
dm_annotation_history_finalize (GObject *object)
{
  DmAnnotationHistory *self = DM_ANNOTATION_HISTORY (object);

  g_clear_object (&self->list);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  G_OBJECT_CLASS (dm_annotation_history_parent_class)->finalize (object);
}

static void
dm_annotation_history_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  DmAnnotationHistory *self = DM_ANNOTATION_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, dm_annotation_history_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, dm_annotation_history_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_annotation_history_class_init (DmAnnotationHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dm_annotation_history_finalize;
  object_class->get_property = dm_annotation_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dm_annotation_history_init (DmAnnotationHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func (g_object_unref);
  self->redo = g_ptr_array_new_with_free_func (g_object_unref);
}

DmAnnotationHistory *
dm_annotation_history_new (void)
{
  return g_object_new (DM_TYPE_ANNOTATION_HISTORY, NULL);
}

void
dm_annotation_history_set_list (DmAnnotationHistory *self,
                                DmAnnotationList    *list)
{
  gboolean could_undo = dm_annotation_history_can_undo (self);
  gboolean could_redo = dm_annotation_history_can_redo (self);

  g_return_if_fail (DM_IS_ANNOTATION_HISTORY (self));
  if (!g_set_object (&self->list, list))
    return;
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  notify_both (self, could_undo, could_redo);
}

DmAnnotationList *
dm_annotation_history_get_list (DmAnnotationHistory *self)
{
  return self->list;
}

void
dm_annotation_history_checkpoint (DmAnnotationHistory *self)
{
  gboolean could_undo = dm_annotation_history_can_undo (self);
  gboolean could_redo = dm_annotation_history_can_redo (self);

  g_return_if_fail (DM_IS_ANNOTATION_HISTORY (self));
  if (self->list == NULL)
    return;
  if (self->undo->len >= DM_ANNOTATION_HISTORY_MAX)
    g_ptr_array_remove_index (self->undo, 0);
  g_ptr_array_add (self->undo, dm_annotation_list_copy (self->list));
  g_ptr_array_set_size (self->redo, 0);
  notify_both (self, could_undo, could_redo);
}

void
dm_annotation_history_drop_if_unchanged (DmAnnotationHistory *self)
{
  gboolean could_undo = dm_annotation_history_can_undo (self);
  gboolean could_redo = dm_annotation_history_can_redo (self);

  if (self->undo->len == 0 ||
      !dm_annotation_list_equal (g_ptr_array_index (self->undo, self->undo->len - 1),
                                 self->list))
    return;
  g_ptr_array_remove_index (self->undo, self->undo->len - 1);
  notify_both (self, could_undo, could_redo);
}

gboolean
dm_annotation_history_can_undo (DmAnnotationHistory *self)
{
  return self->list != NULL && self->undo->len > 0;
}

gboolean
dm_annotation_history_can_redo (DmAnnotationHistory *self)
{
  return self->list != NULL && self->redo->len > 0;
}

/* Moves the list's state from one stack to the other. */
static gboolean
step (DmAnnotationHistory *self,
      GPtrArray           *from,
      GPtrArray           *to)
{
  gboolean could_undo = dm_annotation_history_can_undo (self);
  gboolean could_redo = dm_annotation_history_can_redo (self);
  g_autoptr(DmAnnotationList) state = NULL;

  if (self->list == NULL || from->len == 0)
    return FALSE;
  state = g_ptr_array_steal_index (from, from->len - 1);
  g_ptr_array_add (to, dm_annotation_list_copy (self->list));
  dm_annotation_list_set_all (self->list, state);
  notify_both (self, could_undo, could_redo);
  return TRUE;
}

gboolean
dm_annotation_history_undo (DmAnnotationHistory *self)
{
  g_return_val_if_fail (DM_IS_ANNOTATION_HISTORY (self), FALSE);
  return step (self, self->undo, self->redo);
}

gboolean
dm_annotation_history_redo (DmAnnotationHistory *self)
{
  g_return_val_if_fail (DM_IS_ANNOTATION_HISTORY (self), FALSE);
  return step (self, self->redo, self->undo);
}
