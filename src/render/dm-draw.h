/* dm-draw.h: the painters' fill, stroke, clip, text and group calls, which an SVG recorder can turn into named, editable SVG. */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* Every painter in src/render fills, strokes, clips and shows text through
 * these calls instead of cairo's. On an ordinary cairo_t they are exactly
 * cairo_fill (), cairo_stroke () and pango_cairo_show_layout (). When an
 * SVG recorder is attached to the cairo_t (dm_draw_svg_attach), they write
 * SVG elements instead: paths from cairo_copy_path () in device space, the
 * current colour, line width, dash and fill rule, clips as <clipPath>, text
 * as <text> with its font, and groups as <g id inkscape:label>.
 *
 * Why not cairo's SVG surface: cairo 1.16 writes text as glyph outlines
 * (no <text>, nothing to edit or search) and knows no named groups, and the
 * issue asks for both. The recorder only understands what our painters do:
 * solid-colour sources, uniform scales and translations, even-odd or
 * winding fills, plain-text layouts. */

typedef struct _DmSvg DmSvg;

DmSvg    *dm_svg_new            (double          width,
                                 double          height,
                                 const char     *width_unit,
                                 double          unit_width,
                                 double          unit_height);
void      dm_svg_free           (DmSvg          *svg);
/* Attaches the recorder to cr; cr must stay alive no longer than svg. */
void      dm_draw_svg_attach    (cairo_t        *cr,
                                 DmSvg          *svg);
gboolean  dm_draw_is_svg        (cairo_t        *cr);
/* SVG recorder, PDF, PostScript or cairo SVG: keep everything a vector. */
gboolean  dm_draw_is_vector     (cairo_t        *cr);
gboolean  dm_draw_raster_matrix (cairo_t        *cr,
                                 cairo_matrix_t *m);
/* The complete document, closing any open groups; svg is still owned. */
GString  *dm_svg_finish         (DmSvg          *svg);

void      dm_draw_fill          (cairo_t        *cr);
void      dm_draw_fill_preserve (cairo_t        *cr);
void      dm_draw_stroke        (cairo_t        *cr);
void      dm_draw_stroke_preserve (cairo_t      *cr);
/* cairo_save () + cairo_clip () on the current path; pair with clip_end. */
void      dm_draw_clip_begin    (cairo_t        *cr);
void      dm_draw_clip_end      (cairo_t        *cr);
/* Shows the layout at the current point, in the current colour. */
void      dm_draw_layout        (cairo_t        *cr,
                                 PangoLayout    *layout);
/* Strokes the glyph outlines at the current point: the halo under labels. */
void      dm_draw_layout_halo   (cairo_t        *cr,
                                 PangoLayout    *layout);
/* In SVG only: the layout as one <text> filled with the current colour and
 * stroked with the halo under it (paint-order="stroke"), so an editor
 * changes a label once. FALSE (nothing drawn) on other surfaces. */
gboolean  dm_draw_svg_label     (cairo_t        *cr,
                                 PangoLayout    *layout,
                                 double          halo_r,
                                 double          halo_g,
                                 double          halo_b,
                                 double          halo_a,
                                 double          halo_width);
/* A named layer: id is an XML id (letters, digits, '-'), label is for
 * people. No-ops outside SVG. */
void      dm_draw_group_begin   (cairo_t        *cr,
                                 const char     *id,
                                 const char     *label);
void      dm_draw_group_end     (cairo_t        *cr);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmSvg, dm_svg_free)

G_END_DECLS
