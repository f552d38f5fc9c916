/* dm-layout.c: lays out an export page around the screen's painters: title, maps, legend, scale bar, inset and credits. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "dm-annotation-draw.h"
#include "dm-draw.h"
#include "dm-layout.h"
#include "dm-legend-entries.h"
#include "dm-number.h"
#include "dm-path.h"
#include "dm-sources.h"
#include "dm-text.h"

#define FONT_FAMILY "Cantarell, Noto Sans, DejaVu Sans, Sans"
#define EARTH_CIRCUMFERENCE 40075016.686

typedef struct
{
  double x, y, width, height;
} Rect;

/* What the panel shows; built once, then flowed into one or two columns. */
typedef enum
{
  ITEM_HEADING,
  ITEM_ENTRY,   /* one of the legend's: a swatch and its text */
  ITEM_INSET,
  ITEM_TEXT,
} ItemKind;

typedef struct
{
  ItemKind       kind;
  DmLegendEntry  entry;  /* for ITEM_ENTRY */
  char          *text;
} Item;

typedef struct
{
  DmScene               *scene;
  DmScene               *other;   /* the compared scenario's scene, or NULL */
  const DmLayoutOptions *options;
  double                 s;       /* scale */
  double                 text_k;  /* shrinks the panel's type until it fits */
  DmView                 view;    /* one map frame's view, origin at the frame */
  double                 map_s;   /* the maps' scale: lines and labels on the map */
  gboolean               inset_on_map;  /* stacked pages: the inset in the map's corner */
} Page;

static void
item_free (gpointer data)
{
  Item *item = data;

  g_free (item->text);
  g_free (item);
}

static void
add_item (GPtrArray  *items,
          ItemKind    kind,
          char       *text)
{
  Item *item = g_new0 (Item, 1);

  item->kind = kind;
  item->text = text;
  g_ptr_array_add (items, item);
}

static void
add_entry (GPtrArray           *items,
           const DmLegendEntry *entry)
{
  Item *item = g_new0 (Item, 1);

  item->kind = ITEM_ENTRY;
  item->entry = *entry;
  item->text = g_strdup (entry->text);
  item->entry.text = item->text;
  g_ptr_array_add (items, item);
}

/* A wrapped paragraph at (x, y), width w; returns its height. Drawn only
 * when draw is set, so the same code measures. */
static double
text_block (cairo_t    *cr,
            const char *text,
            double      x,
            double      y,
            double      w,
            double      size_px,
            PangoWeight weight,
            PangoStyle  style,
            double      grey,
            gboolean    draw)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);
  int lw, lh;

  pango_font_description_set_absolute_size (font, size_px * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_style (font, style);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (w * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &lw, &lh);
  if (draw)
    {
      cairo_move_to (cr, x, y);
      cairo_set_source_rgb (cr, grey, grey, grey);
      dm_draw_layout (cr, layout);
      cairo_new_path (cr);
    }
  return lh;
}

double
dm_layout_metres_per_px (const DmView *view)
{
  double lon, lat;

  dm_world_to_lonlat (view->center_x, view->center_y, &lon, &lat);
  return cos (lat * G_PI / 180.0) * EARTH_CIRCUMFERENCE / dm_view_world_size (view);
}

/* 1, 2 or 5 × 10^n km, the largest that fits in max_px. */
static void
draw_scale_bar (cairo_t      *cr,
                const DmView *view,
                double        x,
                double        y)
{
  double s = view->scale;
  double km_per_px = dm_layout_metres_per_px (view) / 1000.0;
  double max_km = 130.0 * s * km_per_px;
  double base = pow (10, floor (log10 (max_km)));
  double km = base;
  double len, h = 5.0 * s, pad = 6.0 * s, label_h;
  g_autofree char *label = NULL;

  if (5 * base <= max_km)
    km = 5 * base;
  else if (2 * base <= max_km)
    km = 2 * base;
  len = km / km_per_px;
  if (km >= 1)
    {
      g_autofree char *number = dm_number_format (km);

      /* TRANSLATORS: a distance; %s is the number, already grouped. */
      label = g_strdup_printf (_("%s km"), number);
    }
  else
    label = g_strdup_printf (_("%.1f km"), km);
  label_h = text_block (cr, label, 0, 0, 200 * s, 11 * s, PANGO_WEIGHT_NORMAL,
                        PANGO_STYLE_NORMAL, 0.1, FALSE);

  dm_draw_group_begin (cr, "scale-bar", _("Scale bar"));
  cairo_rectangle (cr, x - pad, y - label_h - h - 2 * pad, len + 2 * pad + 60 * s,
                   label_h + h + 3 * pad);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
  dm_draw_fill (cr);
  /* Two halves, black and white, the way printed maps draw it. */
  cairo_rectangle (cr, x, y - h - pad, len / 2, h);
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  dm_draw_fill (cr);
  cairo_rectangle (cr, x, y - h - pad, len, h);
  cairo_set_line_width (cr, 1.0 * s);
  dm_draw_stroke (cr);
  text_block (cr, "0", x - 2 * s, y - label_h - h - 1.5 * pad, 40 * s, 11 * s,
              PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0.1, TRUE);
  text_block (cr, label, x + len - 4 * s, y - label_h - h - 1.5 * pad, 120 * s, 11 * s,
              PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0.1, TRUE);
  dm_draw_group_end (cr);
}

static void
shapes_bounds (GPtrArray *shapes,
               double    *x1,
               double    *y1,
               double    *x2,
               double    *y2)
{
  for (guint i = 0; i < shapes->len; i++)
    {
      DmShape *shape = g_ptr_array_index (shapes, i);

      if (dm_shape_is_empty (shape))
        continue;
      *x1 = MIN (*x1, shape->min_x);
      *y1 = MIN (*y1, shape->min_y);
      *x2 = MAX (*x2, shape->max_x);
      *y2 = MAX (*y2, shape->max_y);
    }
}

/* The map frame's view: the screen's extent when given, else the map's
 * fixed home (the same for every date, so a series lines up). */
static void
frame_view (Page       *page,
            DmView     *view,
            double      width,
            double      height)
{
  const DmLayoutOptions *o = page->options;

  view->width = width;
  view->height = height;
  view->scale = page->s;
  if (o->has_extent)
    {
      /* A little air so the area's edges are not on the frame. */
      double mx = (o->extent[2] - o->extent[0]) * 0.03, my = (o->extent[3] - o->extent[1]) * 0.03;

      dm_view_fit (view, o->extent[0] - mx, o->extent[1] - my, o->extent[2] + mx,
                   o->extent[3] + my);
    }
  /* Two maps side by side are each half as wide as the screen was: its
   * view would show the Black Sea and Turkey, so they fit the regions. */
  else if (o->has_view && o->compare == NULL && o->screen_width > 0 && o->screen_height > 0)
    {
      double ws = 256.0 * exp2 (o->zoom);
      double hw = o->screen_width / ws / 2, hh = o->screen_height / ws / 2;

      dm_view_fit (view, o->center_x - hw, o->center_y - hh, o->center_x + hw, o->center_y + hh);
    }
  else
    {
      double x1, y1, x2, y2, mx, my;

      dm_view_home_bounds (&x1, &y1, &x2, &y2);
      mx = (x2 - x1) * 0.02;
      my = (y2 - y1) * 0.02;
      dm_view_fit (view, x1 - mx, y1 - my, x2 + mx, y2 + my);
    }
}

static double draw_inset (Page *page, cairo_t *cr, double x, double y, double w, gboolean draw);

/* The top corner where the inset hides least of the five regions (the
 * bottom ones hold the scale bar and, on a time-lapse, the date sits top
 * left): top right unless that covers more. */
static void
inset_corner (Page         *page,
              const DmView *view,
              double        w,
              double        h,
              double        m,
              double       *x,
              double       *y)
{
  DmGeodata *geodata = dm_scene_get_geodata (page->scene);
  double xs[2] = { view->width - w - m, m };
  double best = G_MAXDOUBLE;
  guint n = page->options->stamp != NULL ? 1 : 2;

  for (guint c = 0; c < n; c++)
    {
      double covered = 0;

      for (DmRegion r = 0; r < DM_N_FIVE_REGIONS; r++)
        {
          DmShape *shape = dm_geodata_get_region_shape (geodata, r);
          double x1, y1, x2, y2;

          dm_view_to_px (view, shape->min_x, shape->min_y, &x1, &y1);
          dm_view_to_px (view, shape->max_x, shape->max_y, &x2, &y2);
          covered += MAX (0, MIN (x2, xs[c] + w) - MAX (x1, xs[c])) *
                     MAX (0, MIN (y2, m + h) - MAX (y1, m));
        }
      if (covered < best * 0.8)
        {
          best = covered;
          *x = xs[c];
          *y = m;
        }
    }
}

/* A time-lapse frame's date, large in the map's corner: the one thing that
 * changes between frames must be readable at a glance. */
static void
draw_stamp (Page       *page,
            cairo_t    *cr,
            const char *stamp)
{
  double s = page->s, size = 34 * s, pad = 8 * s, x = 12 * s, y = 12 * s;
  double w, h;
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);
  int lw, lh;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, stamp, -1);
  pango_layout_get_pixel_size (layout, &lw, &lh);
  w = lw + 2 * pad;
  h = lh + pad;

  dm_draw_group_begin (cr, "date", _("Date"));
  cairo_rectangle (cr, x, y, w, h);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.88);
  dm_draw_fill (cr);
  cairo_move_to (cr, x + pad, y + pad / 2);
  cairo_set_source_rgb (cr, 0.05, 0.05, 0.05);
  dm_draw_layout (cr, layout);
  cairo_new_path (cr);
  dm_draw_group_end (cr);
}

static void
draw_map (Page       *page,
          DmScene    *scene,
          cairo_t    *cr,
          const Rect *r)
{
  DmView view = page->view;

  view.width = r->width;
  view.height = r->height;
  view.scale = page->map_s;

  cairo_save (cr);
  cairo_rectangle (cr, r->x, r->y, r->width, r->height);
  dm_draw_clip_begin (cr);
  cairo_translate (cr, r->x, r->y);
  if (page->options->show_basemap)
    dm_basemap_draw (dm_scene_get_geodata (scene), cr, &view, page->options->basemap_style);
  else if (!page->options->transparent)
    {
      cairo_rectangle (cr, 0, 0, r->width, r->height);
      cairo_set_source_rgb (cr, 1, 1, 1);
      dm_draw_fill (cr);
    }
  {
    DmAnnotationList *annotations = page->options->annotations != NULL
                                    ? page->options->annotations
                                    : dm_scenario_get_annotations (dm_scene_get_scenario (scene));

    if (scene == page->scene)
      dm_scene_set_label_obstacles (scene, annotations);
    dm_scene_draw (scene, cr, &view);
    dm_scene_set_label_obstacles (scene, NULL);
    if (scene == page->scene)
      dm_annotations_draw (cr, &view, annotations, -1);
  }
  if (page->options->stamp != NULL && scene == page->scene)
    draw_stamp (page, cr, page->options->stamp);
  /* On a square or tall page the panel below has no room to spare: the
   * locator goes in the map's top right corner, a quarter of its width. */
  if (page->inset_on_map && page->options->show_inset && scene == page->scene)
    {
      double iw = MIN (r->width * 0.2, 220 * page->s), m = 8 * page->s;
      double ih = draw_inset (page, cr, 0, 0, iw, FALSE);
      double ix = 0, iy = 0;

      inset_corner (page, &view, iw, ih, m, &ix, &iy);
      cairo_rectangle (cr, ix - 3 * page->s, iy - 3 * page->s,
                       iw + 6 * page->s, ih + 6 * page->s);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
      dm_draw_fill (cr);
      draw_inset (page, cr, ix, iy, iw, TRUE);
    }
  draw_scale_bar (cr, &view, 14 * page->s, r->height - 10 * page->s);
  dm_draw_clip_end (cr);
  cairo_restore (cr);

  cairo_rectangle (cr, r->x, r->y, r->width, r->height);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_set_line_width (cr, 1.0 * page->s);
  dm_draw_stroke (cr);
}

/* Ukraine's outline with the map's extent as a red rectangle. */
static double
draw_inset (Page    *page,
            cairo_t *cr,
            double   x,
            double   y,
            double   w,
            gboolean draw)
{
  DmGeodata *geodata = dm_scene_get_geodata (page->scene);
  GPtrArray *oblasts = dm_geodata_get_shapes (geodata, DM_LAYER_OBLASTS);
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;
  double vx1, vy1, vx2, vy2, px1, py1, px2, py2, h;
  DmView inset = { 0, };

  shapes_bounds (oblasts, &x1, &y1, &x2, &y2);
  if (x1 >= x2)
    return 0;
  w = MIN (w, 220 * page->s);
  h = w * (y2 - y1) / (x2 - x1);
  if (!draw)
    return h;

  inset.width = w;
  inset.height = h;
  /* The outline is a thumbnail: the coarsest detail band is plenty. */
  inset.scale = 8.0;
  dm_view_fit (&inset, x1, y1, x2, y2);
  dm_view_from_px (&page->view, 0, 0, &vx1, &vy1);
  dm_view_from_px (&page->view, page->view.width, page->view.height, &vx2, &vy2);

  dm_draw_group_begin (cr, "inset", _("Locator map"));
  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_set_source_rgb (cr, 0.93, 0.95, 0.97);
  dm_draw_fill (cr);
  cairo_translate (cr, x, y);
  for (guint i = 0; i < oblasts->len; i++)
    dm_path_append (cr, g_ptr_array_index (oblasts, i), &inset);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_source_rgb (cr, 1, 1, 1);
  dm_draw_fill_preserve (cr);
  cairo_set_line_width (cr, 0.5 * page->s);
  cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
  dm_draw_stroke (cr);
  dm_view_to_px (&inset, vx1, vy1, &px1, &py1);
  dm_view_to_px (&inset, vx2, vy2, &px2, &py2);
  px1 = CLAMP (px1, 0, w);
  px2 = CLAMP (px2, 0, w);
  py1 = CLAMP (py1, 0, h);
  py2 = CLAMP (py2, 0, h);
  cairo_rectangle (cr, px1, py1, px2 - px1, py2 - py1);
  cairo_set_line_width (cr, 1.5 * page->s);
  cairo_set_source_rgb (cr, 0.8, 0.1, 0.1);
  dm_draw_stroke (cr);
  cairo_restore (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_set_line_width (cr, 0.8 * page->s);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  dm_draw_stroke (cr);
  dm_draw_group_end (cr);
  return h;
}

static double
draw_item (Page     *page,
           cairo_t  *cr,
           Item     *item,
           double    x,
           double    y,
           double    w,
           gboolean  draw)
{
  double s = page->s, k = page->text_k;
  double sw = 28 * s, sh = 17 * s, gap = 8 * s;
  double h;

  switch (item->kind)
    {
    case ITEM_HEADING:
      return text_block (cr, item->text, x, y, w, 13 * s * k, PANGO_WEIGHT_BOLD,
                         PANGO_STYLE_NORMAL, 0.1, draw) + 3 * s;
    case ITEM_ENTRY:
      {
        /* The note on uncertain clauses is set apart: smaller, in italics. */
        gboolean note = item->entry.kind == DM_LEGEND_UNCERTAIN;

        h = text_block (cr, item->text, x + sw + gap, y, w - sw - gap,
                        (note ? 10.5 : 11.5) * s * k, PANGO_WEIGHT_NORMAL,
                        note ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL, note ? 0.25 : 0.12,
                        draw);
        if (draw)
          dm_legend_entry_paint_swatch (&item->entry, cr, x, y + MAX (0, (h - sh) / 2), sw, sh,
                                        s);
        return MAX (h, sh) + (note ? 8 : 5) * s;
      }
    case ITEM_INSET:
      return draw_inset (page, cr, x, y, w, draw) + 8 * s;
    case ITEM_TEXT:
    default:
      return text_block (cr, item->text, x, y, w, 10 * s * k, PANGO_WEIGHT_NORMAL,
                         PANGO_STYLE_NORMAL, 0.3, draw) + 6 * s;
    }
}

/* Fills column after column; returns FALSE when the last one overflows. */
static gboolean
flow_items (Page       *page,
            cairo_t    *cr,
            GPtrArray  *items,
            const Rect *r,
            guint       n_columns,
            gboolean    draw)
{
  double gap = 18 * page->s;
  double cw = (r->width - gap * (n_columns - 1)) / n_columns;
  double y = r->y;
  guint column = 0;

  for (guint i = 0; i < items->len; i++)
    {
      Item *item = g_ptr_array_index (items, i);
      double h = draw_item (page, cr, item, 0, 0, cw, FALSE);

      /* A heading goes with what follows it. */
      if (item->kind == ITEM_HEADING && i + 1 < items->len)
        h += draw_item (page, cr, g_ptr_array_index (items, i + 1), 0, 0, cw, FALSE);
      if (y + h > r->y + r->height && y > r->y)
        {
          if (column + 1 >= n_columns)
            return FALSE;
          column++;
          y = r->y;
        }
      if (draw)
        draw_item (page, cr, item, r->x + column * (cw + gap), y, cw, TRUE);
      y += draw_item (page, cr, item, 0, 0, cw, FALSE);
    }
  return TRUE;
}

/* "Outlet (date)" for each source behind a part shown, once each. */
static void
format_sources (DmScene     *scene,
                GHashTable  *seen,
                GString     *out)
{
  DmScenario *scenario = dm_scene_get_scenario (scene);
  DmPartition *partition = dm_scene_get_partition (scene);
  DmProposal *proposal = dm_scenario_get_proposal (scenario);
  g_autofree char *line = dm_sources_line_credit (partition);
  guint before = out->len;

  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    for (DmPart p = 0; p < DM_N_PARTS; p++)
      {
        const DmClause *clause;

        if (!dm_partition_has_part (partition, r, p) || dm_scenario_is_edited (scenario, r, p))
          continue;
        clause = dm_scenario_get_clause (scenario, r, p);
        if (clause == NULL || clause->sources == NULL)
          continue;
        dm_sources_append (out, clause->sources, seen, line);
      }
  /* Clauses without their own sources: the proposal's. */
  if (out->len == before && dm_proposal_get_sources (proposal) != NULL)
    dm_sources_append (out, dm_proposal_get_sources (proposal), seen, line);
}

static GPtrArray *
build_items (Page *page)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (item_free);
  DmPartition *partition = dm_scene_get_partition (page->scene);
  const DmLayoutOptions *o = page->options;
  g_autoptr(GArray) entries = dm_legend_entries_new (page->scene, page->other);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) sources = g_string_new (NULL);
  g_autofree char *today = NULL;

  add_item (items, ITEM_HEADING, g_strdup (_("Legend")));
  for (guint i = 0; i < entries->len; i++)
    add_entry (items, &g_array_index (entries, DmLegendEntry, i));
  if (o->show_inset && !page->inset_on_map)
    add_item (items, ITEM_INSET, NULL);

  format_sources (page->scene, seen, sources);
  if (page->other != NULL)
    format_sources (page->other, seen, sources);
  if (sources->len > 0)
    {
      add_item (items, ITEM_HEADING, g_strdup (_("Sources")));
      add_item (items, ITEM_TEXT, g_strdup (sources->str));
    }

  /* The same credit line as the window's legend. */
  add_item (items, ITEM_TEXT, dm_sources_attribution (partition));
  if (o->export_date == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      today = g_date_time_format (now, "%Y-%m-%d");
    }
  add_item (items, ITEM_TEXT,
            g_strdup_printf (_("Exported %s with Demarcate %s. Boundaries: Natural Earth "
                               "1:10m; the line of contact is DeepStateMap’s assessment."),
                             o->export_date ? o->export_date : today, PACKAGE_VERSION));
  return items;
}

gboolean
dm_layout_lonlat_extent (double west,
                         double south,
                         double east,
                         double north,
                         double extent[4])
{
  if (!(west >= -180 && east <= 180 && west < east && south >= -85 && north <= 85 &&
        south < north))
    return FALSE;
  dm_lonlat_to_world (west, north, &extent[0], &extent[1]);
  dm_lonlat_to_world (east, south, &extent[2], &extent[3]);
  return TRUE;
}

/* In the order the export dialog lists them. */
static const DmNamedExtent named_extents[] = {
  { "ukraine", N_("All of Ukraine") },
  { "donbas", N_("Donbas") },
  { "south", N_("The south") },
  { "crimea", N_("Crimea") },
  { "luhansk", N_("Luhansk") },
  { "donetsk", N_("Donetsk") },
  { "zaporizhzhia", N_("Zaporizhzhia") },
  { "kherson", N_("Kherson") },
};

const DmNamedExtent *
dm_layout_get_named_extents (guint *n_extents)
{
  *n_extents = G_N_ELEMENTS (named_extents);
  return named_extents;
}

gboolean
dm_layout_named_extent (DmGeodata  *geodata,
                        const char *name,
                        double      extent[4])
{
  static const struct
  {
    const char *name;
    guint       regions;  /* bits of DmRegion */
  } areas[] = {
    { "crimea", 1 << DM_REGION_CRIMEA },
    { "luhansk", 1 << DM_REGION_LUHANSK },
    { "donetsk", 1 << DM_REGION_DONETSK },
    { "zaporizhzhia", 1 << DM_REGION_ZAPORIZHZHIA },
    { "kherson", 1 << DM_REGION_KHERSON },
    { "donbas", (1 << DM_REGION_LUHANSK) | (1 << DM_REGION_DONETSK) },
    { "south", (1 << DM_REGION_ZAPORIZHZHIA) | (1 << DM_REGION_KHERSON) |
               (1 << DM_REGION_CRIMEA) },
  };
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;

  if (g_ascii_strcasecmp (name, "ukraine") == 0)
    shapes_bounds (dm_geodata_get_shapes (geodata, DM_LAYER_OBLASTS), &x1, &y1, &x2, &y2);
  else
    for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
      if (g_ascii_strcasecmp (name, areas[i].name) == 0)
        for (DmRegion r = 0; r < DM_N_FIVE_REGIONS; r++)
          if (areas[i].regions & (1u << r))
            {
              DmShape *shape = dm_geodata_get_region_shape (geodata, r);

              x1 = MIN (x1, shape->min_x);
              y1 = MIN (y1, shape->min_y);
              x2 = MAX (x2, shape->max_x);
              y2 = MAX (y2, shape->max_y);
            }
  if (x1 >= x2 || y1 >= y2)
    return FALSE;
  extent[0] = x1;
  extent[1] = y1;
  extent[2] = x2;
  extent[3] = y2;
  return TRUE;
}

/* The subtitle a page gets when given none; the export dialog starts its
 * entry with it. */
char *
dm_layout_default_subtitle (DmScene *scene)
{
  DmScenario *scenario = dm_scene_get_scenario (scene);
  DmProposal *proposal = dm_scenario_get_proposal (scenario);
  DmPartition *partition = dm_scene_get_partition (scene);
  GString *s = g_string_new (NULL);
  const char *date = dm_proposal_get_date (proposal);

  if (date != NULL && !dm_proposal_is_baseline (proposal))
    g_string_append_printf (s, _("Proposal of %s · "), date);
  if (partition != NULL)
    g_string_append_printf (s, _("Line of contact of %s"), dm_partition_get_date (partition));
  if (dm_scenario_get_modified (scenario))
    g_string_append (s, _(" · scenario modified"));
  return g_string_free (s, FALSE);
}

/* A proposal's title in the page's language: DmProposal already gives the
 * bundled proposals' text translated (data/proposals/proposals-for-
 * translation.c); a user's own proposal keeps its own. */
static const char *
proposal_title (DmProposal *proposal,
                gboolean    short_title)
{
  const char *title = short_title ? dm_proposal_get_short_title (proposal)
                                  : dm_proposal_get_title (proposal);

  return title != NULL && *title != '\0' ? g_dgettext (GETTEXT_PACKAGE, title) : "";
}

/* As dm_scenario_get_title (), translated: "… (modified)" for a user's
 * scenario, which must never be published under the proposal's name. */
static char *
scenario_title (DmScenario *scenario)
{
  const char *title = proposal_title (dm_scenario_get_proposal (scenario), FALSE);

  if (dm_scenario_get_modified (scenario))
    return g_strdup_printf (_("%s (modified)"), title);
  return g_strdup (title);
}

/* "US 28-point plan (point 21) · line of 2025-11-20": which proposal, on
 * which day's line, above each of two compared maps. */
static char *
scenario_heading (DmScenario  *scenario,
                  DmPartition *partition)
{
  g_autofree char *title = scenario_title (scenario);

  return g_strdup_printf (_("%s · line of %s"), title, dm_partition_get_date (partition));
}

void
dm_layout_draw (DmScene               *scene,
                cairo_t               *cr,
                const DmLayoutOptions *options,
                double                 width,
                double                 height,
                double                 s)
{
  Page page = { scene, NULL, options, s, 1.0, };

  g_autoptr(DmScene) other = NULL;
  g_autoptr(DmScene) left = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  DmScenario *scenario = dm_scene_get_scenario (scene);
  double m = 18 * s, y, th;
  gboolean side_panel = width >= height * 1.15;
  Rect body, maps, panel;
  guint n_columns;

  g_return_if_fail (scenario != NULL && dm_scene_get_partition (scene) != NULL);
  page.map_s = s;

  /* The right-hand map gets a scene of its own: the caller's scene may be
   * the window's, which an export thread must not change. */
  if (options->compare != NULL)
    {
      other = dm_scene_new (dm_scene_get_geodata (scene));
      dm_scene_set_partition (other, dm_scene_get_partition (scene));
      dm_scene_set_scenario (other, options->compare);
      dm_scene_follow (other, scene);
      dm_scene_copy_extras (other, scene);
      dm_scene_set_compare (other, scenario);
      /* The left map outlines the differences too, on a copy for the
       * same reason. */
      left = dm_scene_new (dm_scene_get_geodata (scene));
      dm_scene_set_partition (left, dm_scene_get_partition (scene));
      dm_scene_set_scenario (left, scenario);
      dm_scene_follow (left, scene);
      dm_scene_copy_extras (left, scene);
      dm_scene_set_compare (left, options->compare);
      page.scene = left;
      page.other = other;
    }

  cairo_save (cr);
  cairo_new_path (cr);
  if (!options->transparent)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_rectangle (cr, 0, 0, width, height);
      dm_draw_fill (cr);
    }

  if (options->title != NULL)
    title = g_strdup (options->title);
  else if (options->compare != NULL)
    title = g_strdup_printf (_("%s compared with %s"),
                             proposal_title (dm_scenario_get_proposal (scenario), TRUE),
                             proposal_title (dm_scenario_get_proposal (options->compare), TRUE));
  else
    /* "… (modified)" for a user's scenario: an edit must never be
     * published under the proposal's own name. */
    title = scenario_title (scenario);
  subtitle = options->subtitle ? g_strdup (options->subtitle) : dm_layout_default_subtitle (scene);

  dm_draw_group_begin (cr, "title", _("Title"));
  y = m;
  y += text_block (cr, title, m, y, width - 2 * m, 24 * s, PANGO_WEIGHT_BOLD,
                   PANGO_STYLE_NORMAL, 0.05, TRUE);
  y += 2 * s;
  y += text_block (cr, subtitle, m, y, width - 2 * m, 14 * s, PANGO_WEIGHT_NORMAL,
                   PANGO_STYLE_NORMAL, 0.3, TRUE);
  y += 10 * s;
  dm_draw_group_end (cr);

  body = (Rect) { m, y, width - 2 * m, height - y - m };
  if (side_panel)
    {
      double pw = CLAMP (300 * s, body.width * 0.22, body.width * 0.4);

      maps = (Rect) { body.x, body.y, body.width - pw - m, body.height };
      panel = (Rect) { maps.x + maps.width + m, body.y, pw, body.height };
      n_columns = 1;
    }
  else
    {
      /* The map gets what the panel does not need: the smallest panel
       * (in steps of 2% of the page) whose two columns hold everything. */
      double ph = body.height * 0.40;

      page.inset_on_map = TRUE;
      /* The page's scale makes the title readable on a phone; the map's
       * labels and the panel's lines need less to stay legible there,
       * and the map keeps its room. */
      page.map_s = MAX (0.5, s * 0.72);
      page.text_k = 0.8;
      items = build_items (&page);
      for (double f = 0.12; f <= 0.40; f += 0.02)
        {
          Rect trial = { body.x, 0, body.width, body.height * f };

          if (flow_items (&page, cr, items, &trial, 2, FALSE))
            {
              ph = trial.height;
              break;
            }
        }
      maps = (Rect) { body.x, body.y, body.width, body.height - ph - m };
      panel = (Rect) { body.x, maps.y + maps.height + m, body.width, ph };
      n_columns = 2;
    }

  if (other != NULL)
    {
      Rect left_r, right;
      DmScene *left_scene = left;
      g_autofree char *lt = scenario_heading (scenario, dm_scene_get_partition (scene));
      g_autofree char *rt = scenario_heading (options->compare, dm_scene_get_partition (other));
      double gap = 12 * s, hs = 13 * s * page.text_k;

      /* Each map is half the width: its labels and lines scale down with it. */
      page.map_s = MAX (0.5, page.map_s * 0.75);
      th = text_block (cr, lt, 0, 0, maps.width / 2, hs, PANGO_WEIGHT_BOLD,
                       PANGO_STYLE_NORMAL, 0.1, FALSE) + 4 * s;
      left_r = (Rect) { maps.x, maps.y + th, (maps.width - gap) / 2, maps.height - th };
      right = (Rect) { left_r.x + left_r.width + gap, left_r.y, left_r.width, left_r.height };
      frame_view (&page, &page.view, left_r.width, left_r.height);
      text_block (cr, lt, left_r.x, maps.y, left_r.width, hs, PANGO_WEIGHT_BOLD,
                  PANGO_STYLE_NORMAL, 0.1, TRUE);
      text_block (cr, rt, right.x, maps.y, right.width, hs, PANGO_WEIGHT_BOLD,
                  PANGO_STYLE_NORMAL, 0.1, TRUE);
      dm_draw_group_begin (cr, "map-left", lt);
      draw_map (&page, left_scene, cr, &left_r);
      dm_draw_group_end (cr);
      dm_draw_group_begin (cr, "map-right", rt);
      draw_map (&page, other, cr, &right);
      dm_draw_group_end (cr);
    }
  else
    {
      frame_view (&page, &page.view, maps.width, maps.height);
      dm_draw_group_begin (cr, "map", _("Map"));
      draw_map (&page, scene, cr, &maps);
      dm_draw_group_end (cr);
    }

  if (items == NULL)
    items = build_items (&page);
  /* Long source lists shrink the panel's type rather than fall off it. */
  while (!flow_items (&page, cr, items, &panel, n_columns, FALSE) && page.text_k > 0.6)
    page.text_k *= 0.9;
  dm_draw_group_begin (cr, "legend", _("Legend, sources and credits"));
  flow_items (&page, cr, items, &panel, n_columns, TRUE);
  dm_draw_group_end (cr);
  cairo_restore (cr);
}
