/* dm-legend.c: builds legend rows whose swatches are painted by the same style code as the map. */
#include "config.h"

#include <glib/gi18n.h>

#include "dm-legend.h"
#include "dm-sources.h"

struct _DmLegend
{
  GtkWidget  parent_instance;
  GtkWidget *box;
  GtkWidget *toggle;
  GtkWidget *revealer;
  GtkWidget *rows;
  GtkWidget *sources;
  GtkWidget *attribution;
};

G_DEFINE_FINAL_TYPE (DmLegend, dm_legend, GTK_TYPE_WIDGET)

#define KEY_LINE_OF_CONTACT  (-1)
#define KEY_UNCERTAIN        (-2)
#define KEY_DIFFERENCE       (-3)
#define KEY_EXTRA            (-4)

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  int key = GPOINTER_TO_INT (user_data);

  if (key == KEY_LINE_OF_CONTACT)
    {
      cairo_move_to (cr, 1, height / 2.0);
      cairo_line_to (cr, width - 1, height / 2.0);
      cairo_set_line_width (cr, 4.5);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_stroke_preserve (cr);
      cairo_set_line_width (cr, 2.2);
      cairo_set_source_rgb (cr, 0.55, 0.0, 0.1);
      cairo_stroke (cr);
    }
  else if (key == KEY_EXTRA)
    {
      double dash[2] = { 6, 3 };

      cairo_rectangle (cr, 2, 2, width - 4, height - 4);
      cairo_set_source_rgba (cr, 0.1, 0.1, 0.1, 0.12);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 1.6);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_source_rgba (cr, 0.05, 0.05, 0.05, 0.9);
      cairo_stroke (cr);
    }
  else if (key == KEY_DIFFERENCE)
    {
      double dash[2] = { 2, 3 };

      cairo_rectangle (cr, 2, 2, width - 4, height - 4);
      cairo_set_line_width (cr, 3.0);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_stroke (cr);
    }
  else if (key == KEY_UNCERTAIN)
    dm_style_paint_swatch (cr, DM_KEY_RUSSIA_DE_FACTO, DM_CERTAINTY_REPORTED, 0.5, 0.5,
                           width - 1, height - 1, 1.0);
  else
    dm_style_paint_swatch (cr, key, DM_CERTAINTY_TEXT, 0.5, 0.5, width - 1, height - 1, 1.0);
}

static void
add_row (DmLegend   *self,
         int         key,
         const char *text)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *swatch = gtk_drawing_area_new ();
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_size_request (swatch, 28, 16);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch,
                                  GINT_TO_POINTER (key), NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (row), swatch);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (self->rows), row);
}

/* compare, when not NULL, is the second proposal's scene: the legend then
 * lists the styles either map uses. */
void
dm_legend_update (DmLegend *self,
                  DmScene  *scene,
                  DmScene  *compare)
{
  DmPartition *partition = dm_scene_get_partition (scene);
  DmScenario *scenario = dm_scene_get_scenario (scene);
  DmStyleKey keys[DM_N_KEYS], keys_b[DM_N_KEYS];
  guint n_keys = dm_scene_get_keys (scene, keys);
  guint n_keys_b = compare ? dm_scene_get_keys (compare, keys_b) : 0;
  gboolean used[DM_N_KEYS] = { FALSE, };
  g_autofree char *loc = NULL;
  g_autofree char *sources = NULL;
  g_autofree char *attribution = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->rows)) != NULL)
    gtk_box_remove (GTK_BOX (self->rows), child);

  if (partition == NULL || scenario == NULL)
    return;

  for (guint i = 0; i < n_keys; i++)
    used[keys[i]] = TRUE;
  for (guint i = 0; i < n_keys_b; i++)
    used[keys_b[i]] = TRUE;
  for (guint k = 0; k < DM_N_KEYS; k++)
    if (used[k])
      {
        add_row (self, k, dm_style_key_label (k));
        gtk_widget_set_tooltip_text (gtk_widget_get_last_child (self->rows),
                                     dm_status_description (dm_style_key_status (k)));
      }
  if (compare != NULL)
    add_row (self, KEY_DIFFERENCE, _("Outlined: the two proposals differ"));
  for (guint i = 0; i < dm_scene_get_n_extras (scene); i++)
    {
      g_autofree char *extra = g_strdup_printf (_("Imported: %s"),
                                                dm_scene_get_extra_name (scene, i));
      add_row (self, KEY_EXTRA, extra);
    }
  loc = dm_sources_line_credit (partition);
  add_row (self, KEY_LINE_OF_CONTACT, loc);
  add_row (self, KEY_UNCERTAIN, _("Faint, dashed edge: only reported, or unclear"));

  sources = dm_sources_summary (scenario);
  gtk_label_set_text (GTK_LABEL (self->sources), sources);
  attribution = dm_sources_attribution (partition);
  gtk_label_set_text (GTK_LABEL (self->attribution), attribution);
}

static void
dm_legend_dispose (GObject *object)
{
  DmLegend *self = DM_LEGEND (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (dm_legend_parent_class)->dispose (object);
}

static void
dm_legend_class_init (DmLegendClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dm_legend_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "legend");
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
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->toggle), TRUE);
  gtk_box_append (GTK_BOX (self->box), self->toggle);

  self->revealer = gtk_revealer_new ();
  gtk_revealer_set_child (GTK_REVEALER (self->revealer), content);
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
