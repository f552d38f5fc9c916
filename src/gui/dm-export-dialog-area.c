/* dm-export-dialog-area.c: the export dialog's Area: the current view, the five regions, the command line's named extents, or a box dragged on a map of its own. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "dm-annotation-draw.h"
#include "dm-export-dialog-private.h"

static guint
area_box_index (void)
{
  guint n;

  dm_layout_get_named_extents (&n);
  return DM_EXPORT_AREA_NAMED + n;
}

/* The chosen area into layout: a view or an extent. */
void
_dm_export_dialog_get_area (DmExportDialog  *self,
                            DmLayoutOptions *layout)
{
  guint area = adw_combo_row_get_selected (self->view_row);

  if (self->has_view && area == DM_EXPORT_AREA_SAME)
    {
      layout->has_view = TRUE;
      layout->center_x = self->view.center_x;
      layout->center_y = self->view.center_y;
      layout->zoom = self->view.zoom;
      layout->screen_width = self->view.width;
      layout->screen_height = self->view.height;
    }
  else if (area == area_box_index ())
    {
      layout->has_extent = self->has_box;
      memcpy (layout->extent, self->box, sizeof self->box);
    }
  else if (area >= DM_EXPORT_AREA_NAMED)
    {
      guint n;
      const DmNamedExtent *extents = dm_layout_get_named_extents (&n);

      /* The command line's --bbox names: the same boxes and label culling. */
      layout->has_extent =
        area - DM_EXPORT_AREA_NAMED < n &&
        dm_layout_named_extent (dm_scene_get_geodata (self->scene),
                                extents[area - DM_EXPORT_AREA_NAMED].name, layout->extent);
    }
}

static void
box_draw_cb (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  DmExportDialog *self = DM_EXPORT_DIALOG (user_data);
  DmGeodata *geodata = dm_scene_get_geodata (self->scene);
  double x1, y1, x2, y2, px1, py1, px2, py2, sx, sy, dx, dy;

  if (geodata == NULL || width <= 0 || height <= 0)
    return;
  self->box_view = (DmView) { 0, 0, 0, width, height, 1.0 };
  dm_view_home_bounds (&x1, &y1, &x2, &y2);
  dm_view_fit (&self->box_view, x1, y1, x2, y2);
  dm_basemap_draw (geodata, cr, &self->box_view, DM_BASEMAP_LIGHT);
  dm_scene_draw (self->scene, cr, &self->box_view);
  dm_annotations_draw (cr, &self->box_view, self->annotations, -1);

  if (gtk_gesture_is_recognized (self->box_drag) &&
      gtk_gesture_drag_get_start_point (GTK_GESTURE_DRAG (self->box_drag), &sx, &sy) &&
      gtk_gesture_drag_get_offset (GTK_GESTURE_DRAG (self->box_drag), &dx, &dy))
    {
      px1 = MIN (sx, sx + dx);
      py1 = MIN (sy, sy + dy);
      px2 = MAX (sx, sx + dx);
      py2 = MAX (sy, sy + dy);
    }
  else if (self->has_box)
    {
      dm_view_to_px (&self->box_view, self->box[0], self->box[1], &px1, &py1);
      dm_view_to_px (&self->box_view, self->box[2], self->box[3], &px2, &py2);
    }
  else
    return;
  cairo_rectangle (cr, px1, py1, px2 - px1, py2 - py1);
  cairo_set_source_rgba (cr, 0.1, 0.4, 0.85, 0.15);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.1, 0.4, 0.85);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
}

static void
box_drag_update_cb (DmExportDialog *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->box_area));
}

/* A rectangle of a few pixels is a slip, not an area. */
static void
box_drag_end_cb (DmExportDialog *self,
                 double          dx,
                 double          dy)
{
  double sx, sy, x1, y1, x2, y2;

  gtk_widget_queue_draw (GTK_WIDGET (self->box_area));
  if (fabs (dx) < 12 || fabs (dy) < 12 ||
      !gtk_gesture_drag_get_start_point (GTK_GESTURE_DRAG (self->box_drag), &sx, &sy))
    return;
  dm_view_from_px (&self->box_view, MIN (sx, sx + dx), MIN (sy, sy + dy), &x1, &y1);
  dm_view_from_px (&self->box_view, MAX (sx, sx + dx), MAX (sy, sy + dy), &x2, &y2);
  _dm_export_dialog_set_box (self, x1, y1, x2, y2);
}

void
_dm_export_dialog_area_changed_cb (DmExportDialog *self)
{
  gboolean box = adw_combo_row_get_selected (self->view_row) == area_box_index ();

  gtk_widget_set_visible (self->box_row, box);
  gtk_stack_set_visible_child_name (self->preview_stack, box && !self->has_box ? "box" : "page");
  _dm_export_dialog_update (self);
}

void
_dm_export_dialog_box_button_clicked_cb (DmExportDialog *self)
{
  gtk_stack_set_visible_child_name (self->preview_stack, "box");
}

void
_dm_export_dialog_set_box (DmExportDialog *self,
                           double          x1,
                           double          y1,
                           double          x2,
                           double          y2)
{
  g_return_if_fail (DM_IS_EXPORT_DIALOG (self));
  g_return_if_fail (x1 < x2 && y1 < y2);

  self->box[0] = x1;
  self->box[1] = y1;
  self->box[2] = x2;
  self->box[3] = y2;
  self->has_box = TRUE;
  adw_combo_row_set_selected (self->view_row, area_box_index ());
  gtk_stack_set_visible_child_name (self->preview_stack, "page");
  _dm_export_dialog_update (self);
}

void
_dm_export_dialog_area_init (DmExportDialog *self)
{
  g_autoptr(GtkStringList) areas = gtk_string_list_new (NULL);
  const DmNamedExtent *extents;
  guint n;

  gtk_string_list_append (areas, _("Same view as the map"));
  gtk_string_list_append (areas, _("Fit the five regions"));
  extents = dm_layout_get_named_extents (&n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (areas, _(extents[i].label));
  gtk_string_list_append (areas, _("A box drawn on the map"));
  adw_combo_row_set_model (self->view_row, G_LIST_MODEL (areas));

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->box_area), "crosshair");
  gtk_drawing_area_set_draw_func (self->box_area, box_draw_cb, self, NULL);
  self->box_drag = gtk_gesture_drag_new ();
  g_signal_connect_object (self->box_drag, "drag-update", G_CALLBACK (box_drag_update_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->box_drag, "drag-end", G_CALLBACK (box_drag_end_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->box_area), GTK_EVENT_CONTROLLER (self->box_drag));
}
