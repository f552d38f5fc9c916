/* dm-basemap.c: paints the bundled Natural Earth layers; the same code makes tiles and export backgrounds. */
#include "config.h"

#include "dm-basemap.h"
#include "dm-draw.h"
#include "dm-path.h"

typedef struct
{
  double sea[3], land[3], ukraine[3], water[3], river[3], border[3], oblast[3];
} Palette;

static const Palette light = {
  { 0.80, 0.87, 0.91 }, { 0.93, 0.92, 0.89 }, { 0.98, 0.97, 0.95 },
  { 0.80, 0.87, 0.91 }, { 0.52, 0.68, 0.82 }, { 0.45, 0.42, 0.48 }, { 0.62, 0.60, 0.62 },
};

/* Dark: a deep blue sea well below the land's grey (was 0.20 against 0.15
 * luminance, hard to tell apart), and borders light against both. */
static const Palette dark = {
  { 0.05, 0.09, 0.17 }, { 0.25, 0.25, 0.24 }, { 0.31, 0.31, 0.30 },
  { 0.05, 0.09, 0.17 }, { 0.30, 0.48, 0.66 }, { 0.86, 0.84, 0.88 }, { 0.58, 0.58, 0.60 },
};

static void
fill_layer (GPtrArray    *shapes,
            cairo_t      *cr,
            const DmView *view,
            const double  rgb[3])
{
  for (guint i = 0; i < shapes->len; i++)
    dm_path_append (cr, g_ptr_array_index (shapes, i), view);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  dm_draw_fill (cr);
}

static void
stroke_layer (GPtrArray    *shapes,
              cairo_t      *cr,
              const DmView *view,
              const double  rgb[3],
              double        width)
{
  for (guint i = 0; i < shapes->len; i++)
    dm_path_append (cr, g_ptr_array_index (shapes, i), view);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  cairo_set_line_width (cr, width);
  dm_draw_stroke (cr);
}


void
dm_basemap_draw (DmGeodata      *geodata,
                 cairo_t        *cr,
                 const DmView   *view,
                 DmBasemapStyle  style)
{
  const Palette *p = style == DM_BASEMAP_DARK ? &dark : &light;
  double zoom = dm_view_detail_zoom (view);
  double s = view->scale;

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  cairo_rectangle (cr, 0, 0, view->width, view->height);
  cairo_set_source_rgb (cr, p->sea[0], p->sea[1], p->sea[2]);
  /* Named groups only show in SVG exports, for an illustrator's layers panel. */
  dm_draw_group_begin (cr, "basemap", "Basemap");
  dm_draw_fill (cr);

  fill_layer (dm_geodata_get_shapes (geodata, DM_LAYER_LAND), cr, view, p->land);
  fill_layer (dm_geodata_get_shapes (geodata, DM_LAYER_OBLASTS), cr, view, p->ukraine);
  fill_layer (dm_geodata_get_shapes (geodata, DM_LAYER_LAKES), cr, view, p->water);
  dm_draw_group_begin (cr, "basemap-rivers", "Rivers");
  stroke_layer (dm_geodata_get_shapes (geodata, DM_LAYER_RIVERS), cr, view, p->river,
                CLAMP (zoom * 0.3 - 0.6, 0.6, 2.8) * s);
  dm_draw_group_end (cr);

  dm_draw_group_begin (cr, "basemap-borders", "Borders");
  /* Oblast borders thin and solid: dashing them cost more than the rest of
   * the basemap together (25 of 41 ms for a 4K export). */
  if (zoom >= 5.0)
    stroke_layer (dm_geodata_get_shapes (geodata, DM_LAYER_OBLASTS), cr, view, p->oblast,
                  0.6 * s);
  stroke_layer (dm_geodata_get_shapes (geodata, DM_LAYER_BORDERS), cr, view, p->border,
                CLAMP (zoom * 0.35, 1.0, 2.5) * s);
  dm_draw_group_end (cr);
  dm_draw_group_end (cr);
  cairo_restore (cr);
}

void
dm_basemap_draw_tile (DmGeodata      *geodata,
                      cairo_t        *cr,
                      int             zoom,
                      int             x,
                      int             y,
                      int             tile_size,
                      DmBasemapStyle  style)
{
  double n = exp2 (zoom);
  DmView view = {
    .center_x = (x + 0.5) / n,
    .center_y = (y + 0.5) / n,
    .zoom = zoom + log2 (tile_size / 256.0),
    .width = tile_size,
    .height = tile_size,
    .scale = tile_size / 256.0,
  };

  dm_basemap_draw (geodata, cr, &view, style);
}
