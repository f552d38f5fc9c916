/* dm-annotation-draw.c: callouts, labels and arrows, measured by the same code that paints them so a click finds what is drawn. */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "dm-annotation-draw.h"
#include "dm-draw.h"
#include "dm-shape.h"

#define FONT_FAMILY "Cantarell, Noto Sans, DejaVu Sans, Sans"

/* Where one annotation's parts fall, in the view's pixels. */
typedef struct
{
  double px, py;          /* the point (an arrow's tail) */
  double hx, hy;          /* an arrow's head */
  double tx, ty, tw, th;  /* the text's box, padding included */
  double pad;
} Shape;

static PangoLayout *
make_layout (cairo_t            *cr,
             const DmAnnotation *a,
             double              s)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (font, (a->kind == DM_ANNOTATION_LABEL ? 16 : 14) *
                                                  s * PANGO_SCALE);
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, a->text, -1);
  return layout;
}

static void
measure (const DmAnnotation *a,
         const DmView       *view,
         PangoLayout        *layout,
         Shape              *shape)
{
  double s = view->scale, wx, wy, r = 4.5 * s;
  int lw = 0, lh = 0;

  dm_lonlat_to_world (a->lon, a->lat, &wx, &wy);
  dm_view_to_px (view, wx, wy, &shape->px, &shape->py);
  dm_lonlat_to_world (a->to_lon, a->to_lat, &wx, &wy);
  dm_view_to_px (view, wx, wy, &shape->hx, &shape->hy);
  if (a->text != NULL && *a->text != '\0')
    pango_layout_get_pixel_size (layout, &lw, &lh);
  shape->pad = a->kind == DM_ANNOTATION_LABEL ? 2 * s : 4 * s;
  shape->tw = lw + 2 * shape->pad;
  shape->th = lh + shape->pad;
  switch (a->kind)
    {
    case DM_ANNOTATION_LABEL:
      shape->tx = shape->px - shape->tw / 2;
      shape->ty = shape->py - shape->th / 2;
      break;
    case DM_ANNOTATION_ARROW:
      {
        /* The text sits behind the tail, away from where the arrow points. */
        double dx = shape->hx - shape->px, dy = shape->hy - shape->py;
        double len = hypot (dx, dy);

        if (len < 1)
          dx = -1, dy = 0, len = 1;
        shape->tx = shape->px - dx / len * (shape->tw / 2 + 4 * s) - shape->tw / 2;
        shape->ty = shape->py - dy / len * (shape->th / 2 + 4 * s) - shape->th / 2;
      }
      break;
    case DM_ANNOTATION_CALLOUT:
    default:
      shape->tx = shape->px + r + 3 * s;
      shape->ty = shape->py - shape->th / 2;
      break;
    }
}

static void
draw_text (cairo_t            *cr,
           const DmAnnotation *a,
           const Shape        *shape,
           PangoLayout        *layout,
           double              s)
{
  if (a->text == NULL || *a->text == '\0')
    return;
  if (a->kind == DM_ANNOTATION_CALLOUT)
    {
      /* An opaque white box with a red edge reads over whatever the map
       * has there. */
      cairo_rectangle (cr, shape->tx, shape->ty, shape->tw, shape->th);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.95);
      dm_draw_fill_preserve (cr);
      cairo_set_line_width (cr, 1.2 * s);
      cairo_set_source_rgb (cr, 0.8, 0.1, 0.1);
      dm_draw_stroke (cr);
      cairo_move_to (cr, shape->tx + shape->pad, shape->ty + shape->pad / 2);
      cairo_set_source_rgb (cr, 0.05, 0.05, 0.05);
      dm_draw_layout (cr, layout);
      cairo_new_path (cr);
      return;
    }

  /* Labels and an arrow's text: dark red type with a white halo, one
   * <text> in SVG. */
  cairo_save (cr);
  cairo_move_to (cr, shape->tx + shape->pad, shape->ty + shape->pad / 2);
  cairo_set_source_rgb (cr, 0.55, 0.05, 0.05);
  if (!dm_draw_svg_label (cr, layout, 1, 1, 1, 0.9, 3.5 * s))
    {
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_width (cr, 3.5 * s);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
      dm_draw_layout_halo (cr, layout);
      cairo_move_to (cr, shape->tx + shape->pad, shape->ty + shape->pad / 2);
      cairo_set_source_rgb (cr, 0.55, 0.05, 0.05);
      dm_draw_layout (cr, layout);
    }
  cairo_new_path (cr);
  cairo_restore (cr);
}

static void
arrow_path (cairo_t     *cr,
            const Shape *shape,
            double       s,
            gboolean     head)
{
  double dx = shape->hx - shape->px, dy = shape->hy - shape->py;
  double len = MAX (1, hypot (dx, dy)), ux = dx / len, uy = dy / len;
  double hl = 14 * s, hw = 7 * s;
  double bx = shape->hx - ux * hl, by = shape->hy - uy * hl;

  cairo_new_path (cr);
  if (!head)
    {
      cairo_move_to (cr, shape->px, shape->py);
      cairo_line_to (cr, bx, by);
      return;
    }
  cairo_move_to (cr, shape->hx, shape->hy);
  cairo_line_to (cr, bx - uy * hw, by + ux * hw);
  cairo_line_to (cr, bx + uy * hw, by - ux * hw);
  cairo_close_path (cr);
}

static void
draw_one (cairo_t            *cr,
          const DmAnnotation *a,
          const DmView       *view,
          gboolean            selected)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, a, view->scale);
  double s = view->scale, r = 4.5 * s;
  Shape shape;

  measure (a, view, layout, &shape);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  switch (a->kind)
    {
    case DM_ANNOTATION_ARROW:
      /* A white casing keeps the shaft visible over red-held land. */
      arrow_path (cr, &shape, s, FALSE);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
      cairo_set_line_width (cr, 6 * s);
      dm_draw_stroke (cr);
      arrow_path (cr, &shape, s, TRUE);
      cairo_set_line_width (cr, 3 * s);
      dm_draw_stroke (cr);
      arrow_path (cr, &shape, s, FALSE);
      cairo_set_source_rgb (cr, 0.8, 0.1, 0.1);
      cairo_set_line_width (cr, 3 * s);
      dm_draw_stroke (cr);
      arrow_path (cr, &shape, s, TRUE);
      dm_draw_fill (cr);
      break;
    case DM_ANNOTATION_CALLOUT:
      cairo_new_path (cr);
      cairo_arc (cr, shape.px, shape.py, r, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 0.8, 0.1, 0.1);
      dm_draw_fill_preserve (cr);
      cairo_set_line_width (cr, 1.5 * s);
      cairo_set_source_rgb (cr, 1, 1, 1);
      dm_draw_stroke (cr);
      break;
    case DM_ANNOTATION_LABEL:
    default:
      break;
    }
  draw_text (cr, a, &shape, layout, s);

  if (selected)
    {
      double x1 = MIN (shape.px - r, shape.tx), y1 = MIN (shape.py - r, shape.ty);
      double x2 = MAX (shape.px + r, shape.tx + shape.tw);
      double y2 = MAX (shape.py + r, shape.ty + shape.th);
      double dash[] = { 4, 3 };

      if (a->kind == DM_ANNOTATION_ARROW)
        {
          x1 = MIN (x1, shape.hx - r);
          y1 = MIN (y1, shape.hy - r);
          x2 = MAX (x2, shape.hx + r);
          y2 = MAX (y2, shape.hy + r);
        }
      cairo_save (cr);
      cairo_rectangle (cr, x1 - 3, y1 - 3, x2 - x1 + 6, y2 - y1 + 6);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, 1.5);
      cairo_set_source_rgb (cr, 0.1, 0.4, 0.85);
      dm_draw_stroke (cr);
      cairo_restore (cr);
    }
}

static gboolean
in_view (const DmAnnotation *a,
         const DmView       *view)
{
  double wx, wy, px, py;

  dm_lonlat_to_world (a->lon, a->lat, &wx, &wy);
  dm_view_to_px (view, wx, wy, &px, &py);
  return px >= 0 && py >= 0 && px <= view->width && py <= view->height;
}

void
dm_annotations_draw (cairo_t          *cr,
                     const DmView     *view,
                     DmAnnotationList *list,
                     int               selected)
{
  guint n = list != NULL ? dm_annotation_list_get_n (list) : 0;

  if (n == 0)
    return;
  cairo_save (cr);
  dm_draw_group_begin (cr, "annotations", _("Annotations"));
  for (guint i = 0; i < n; i++)
    {
      const DmAnnotation *a = dm_annotation_list_get (list, i);

      /* Every one is drawn (the desk asked for it) unless its point is off
       * the map, where half a callout would mislead. */
      if (in_view (a, view))
        draw_one (cr, a, view, (int) i == selected);
    }
  dm_draw_group_end (cr);
  cairo_restore (cr);
}

/* Keeps the map's own labels off the annotations: each one's text box
 * and point (an arrow's head too) are reserved in boxes. */
void
dm_annotations_reserve (cairo_t          *cr,
                        const DmView     *view,
                        DmAnnotationList *list,
                        DmTextBoxes      *boxes)
{
  guint n = list != NULL ? dm_annotation_list_get_n (list) : 0;
  double r = 6 * view->scale;

  for (guint i = 0; i < n; i++)
    {
      const DmAnnotation *a = dm_annotation_list_get (list, i);
      g_autoptr(PangoLayout) layout = NULL;
      Shape shape;

      if (!in_view (a, view))
        continue;
      layout = make_layout (cr, a, view->scale);
      measure (a, view, layout, &shape);
      dm_text_boxes_reserve (boxes, shape.tx, shape.ty, shape.tx + shape.tw, shape.ty + shape.th);
      dm_text_boxes_reserve (boxes, shape.px - r, shape.py - r, shape.px + r, shape.py + r);
      if (a->kind == DM_ANNOTATION_ARROW)
        dm_text_boxes_reserve (boxes, MIN (shape.px, shape.hx) - r, MIN (shape.py, shape.hy) - r,
                               MAX (shape.px, shape.hx) + r, MAX (shape.py, shape.hy) + r);
    }
}

static double
segment_distance (double px,
                  double py,
                  double ax,
                  double ay,
                  double bx,
                  double by)
{
  double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? CLAMP (((px - ax) * dx + (py - ay) * dy) / len2, 0, 1) : 0;

  return hypot (px - (ax + t * dx), py - (ay + t * dy));
}

int
dm_annotations_hit (DmAnnotationList *list,
                    const DmView     *view,
                    double            x,
                    double            y,
                    DmAnnotationHit  *hit)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);
  double slop = 6 * view->scale;
  int found = -1;

  *hit = DM_ANNOTATION_HIT_NONE;
  /* The last drawn is on top: search from the end. */
  for (guint i = list != NULL ? dm_annotation_list_get_n (list) : 0; i-- > 0 && found < 0;)
    {
      const DmAnnotation *a = dm_annotation_list_get (list, i);
      g_autoptr(PangoLayout) layout = make_layout (cr, a, view->scale);
      Shape shape;

      measure (a, view, layout, &shape);
      if (a->kind == DM_ANNOTATION_ARROW && hypot (x - shape.hx, y - shape.hy) <= 2 * slop)
        *hit = DM_ANNOTATION_HIT_HEAD;
      else if (hypot (x - shape.px, y - shape.py) <= slop ||
               (shape.tw > 2 * shape.pad && x >= shape.tx && x <= shape.tx + shape.tw &&
                y >= shape.ty && y <= shape.ty + shape.th) ||
               (a->kind == DM_ANNOTATION_ARROW &&
                segment_distance (x, y, shape.px, shape.py, shape.hx, shape.hy) <= slop))
        *hit = DM_ANNOTATION_HIT_BODY;
      if (*hit != DM_ANNOTATION_HIT_NONE)
        found = (int) i;
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return found;
}
