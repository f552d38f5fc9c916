/* dm-legend.c: builds legend rows whose swatches are painted by the same style code as the map. */
#include "config.h"

#include <glib/gi18n.h>

#include "dm-legend-entries.h"
#include "dm-legend.h"
#include "dm-sources.h"

struct _DmLegend
{
  GtkWidget     parent_instance;
  DmScene      *scene;
  DmScene      *compare;
  GSignalGroup *scene_signals;
  GSignalGroup *compare_signals;
  GtkWidget    *box;
  GtkWidget *toggle;
  GtkWidget *revealer;
  GtkWidget *scroller;
  GtkWidget *rows;
  GtkWidget *sources;
  GtkWidget *attribution;
};

G_DEFINE_FINAL_TYPE (DmLegend, dm_legend, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SCENE,
  PROP_COMPARE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  dm_legend_entry_paint_swatch (user_data, cr, 0.5, 0.5, width - 1, height - 1, 1.0);
}

static void
free_entry (gpointer data)
{
  DmLegendEntry *entry = data;

  g_free (entry->text);
  g_free (entry);
}

static void
add_row (DmLegend            *self,
         const DmLegendEntry *entry)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  /* A picture with the row's words as its name, so a screen reader does
   * not meet a nameless drawing. */
  GtkWidget *swatch = g_object_new (GTK_TYPE_DRAWING_AREA,
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_IMG, NULL);
  GtkWidget *label = gtk_label_new (entry->text);
  DmLegendEntry *copy = g_memdup2 (entry, sizeof *entry);

  copy->text = g_strdup (entry->text);
  gtk_widget_set_size_request (swatch, 28, 16);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, copy, free_entry);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* As narrow as the sources below: the card covers the map. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 34);
  gtk_accessible_update_property (GTK_ACCESSIBLE (swatch), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  entry->text, -1);
  if (entry->kind == DM_LEGEND_KEY)
    {
      const char *description = dm_status_description (dm_style_key_status (entry->key));

      gtk_widget_set_tooltip_text (row, description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (swatch),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
    }
  gtk_box_append (GTK_BOX (row), swatch);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (self->rows), row);
}

/* Rebuilt from the scenes whenever either changes: with a compared scene
 * the legend lists the styles either map uses. */
static void
rebuild (DmLegend *self)
{
  DmPartition *partition = self->scene ? dm_scene_get_partition (self->scene) : NULL;
  DmScenario *scenario = self->scene ? dm_scene_get_scenario (self->scene) : NULL;
  g_autoptr(GArray) entries = NULL;
  g_autofree char *sources = NULL;
  g_autofree char *attribution = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->rows)) != NULL)
    gtk_box_remove (GTK_BOX (self->rows), child);

  if (partition == NULL || scenario == NULL)
    return;

  entries = dm_legend_entries_new (self->scene, self->compare);
  for (guint i = 0; i < entries->len; i++)
    add_row (self, &g_array_index (entries, DmLegendEntry, i));

  sources = dm_sources_summary (scenario);
  gtk_label_set_text (GTK_LABEL (self->sources), sources);
  attribution = dm_sources_attribution (partition);
  gtk_label_set_text (GTK_LABEL (self->attribution), attribution);
}

static void
set_scene (DmLegend      *self,
           DmScene      **slot,
           GSignalGroup  *signals,
           DmScene       *scene,
           guint          prop_id)
{
  if (!g_set_object (slot, scene))
    return;
  g_signal_group_set_target (signals, scene);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* The scene the legend describes. */
void
dm_legend_set_scene (DmLegend *self,
                     DmScene  *scene)
{
  g_return_if_fail (DM_IS_LEGEND (self));
  set_scene (self, &self->scene, self->scene_signals, scene, PROP_SCENE);
}

/* The second proposal's scene when comparing two proposals, or NULL. */
void
dm_legend_set_compare (DmLegend *self,
                       DmScene  *compare)
{
  g_return_if_fail (DM_IS_LEGEND (self));
  set_scene (self, &self->compare, self->compare_signals, compare, PROP_COMPARE);
}

static void
dm_legend_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  DmLegend *self = DM_LEGEND (object);

  switch (prop_id)
    {
    case PROP_SCENE:
      g_value_set_object (value, self->scene);
      break;
    case PROP_COMPARE:
      g_value_set_object (value, self->compare);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_legend_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  DmLegend *self = DM_LEGEND (object);

  switch (prop_id)
    {
    case PROP_SCENE:
      dm_legend_set_scene (self, g_value_get_object (value));
      break;
    case PROP_COMPARE:
      dm_legend_set_compare (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_legend_dispose (GObject *object)
{
  DmLegend *self = DM_LEGEND (object);

  g_clear_object (&self->scene_signals);
  g_clear_object (&self->compare_signals);
  g_clear_object (&self->scene);
  g_clear_object (&self->compare);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (dm_legend_parent_class)->dispose (object);
}

static void
dm_legend_class_init (DmLegendClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dm_legend_dispose;
  object_class->get_property = dm_legend_get_property;
  object_class->set_property = dm_legend_set_property;

  properties[PROP_SCENE] =
    g_param_spec_object ("scene", NULL, NULL, DM_TYPE_SCENE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COMPARE] =
    g_param_spec_object ("compare", NULL, NULL, DM_TYPE_SCENE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "legend");
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GROUP);
}

/* The most height the legend's rows may take before they scroll; -1 for
 * no limit. */
void
dm_legend_set_max_height (DmLegend *self,
                          int       height)
{
  g_return_if_fail (DM_IS_LEGEND (self));
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->scroller),
                                              height > 0 ? height : -1);
}

/* Folded, the legend is one small button: the map under it matters more
 * when two maps share the width. */
void
dm_legend_set_expanded (DmLegend *self,
                        gboolean  expanded)
{
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->toggle), expanded);
}

static void
dm_legend_init (DmLegend *self)
{
  GtkWidget *title = gtk_label_new (_("Legend"));
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  self->scene_signals = g_signal_group_new (DM_TYPE_SCENE);
  g_signal_group_connect_swapped (self->scene_signals, "changed", G_CALLBACK (rebuild), self);
  self->compare_signals = g_signal_group_new (DM_TYPE_SCENE);
  g_signal_group_connect_swapped (self->compare_signals, "changed", G_CALLBACK (rebuild), self);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (self->box, "card");
  gtk_widget_add_css_class (self->box, "dm-legend");
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  self->toggle = gtk_toggle_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->toggle), title);
  gtk_widget_add_css_class (self->toggle, "flat");
  gtk_widget_set_halign (self->toggle, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (self->toggle, _("Show or Hide the Legend"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Legend"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Legend"), -1);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->toggle), TRUE);
  gtk_box_append (GTK_BOX (self->box), self->toggle);

  self->revealer = gtk_revealer_new ();
  /* Taller than the map leaves it (a short window, a longer language), the
   * legend scrolls rather than run under the timeline. */
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), content);
  gtk_revealer_set_child (GTK_REVEALER (self->revealer), self->scroller);
  /* Hidden rather than only unrevealed, so the folded card is narrow. */
  g_object_bind_property (self->toggle, "active", self->revealer, "visible",
                          G_BINDING_SYNC_CREATE);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), TRUE);
  gtk_box_append (GTK_BOX (self->box), self->revealer);

  self->rows = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_box_append (GTK_BOX (content), self->rows);

  self->sources = gtk_label_new (NULL);
  self->attribution = gtk_label_new (NULL);
  for (GtkWidget *l = self->sources; l != NULL; l = (l == self->sources ? self->attribution : NULL))
    {
      gtk_label_set_xalign (GTK_LABEL (l), 0);
      gtk_label_set_wrap (GTK_LABEL (l), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (l), 40);
      gtk_widget_add_css_class (l, "caption");
      gtk_box_append (GTK_BOX (content), l);
    }
}
