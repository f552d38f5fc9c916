/* dm-layout.h: a map page: title, one or two map frames, legend, scale bar, inset, sources and attribution. */
#pragma once

#include <cairo.h>

#include "dm-annotation.h"
#include "dm-basemap.h"
#include "dm-scene.h"

G_BEGIN_DECLS

typedef struct
{
  const char     *title;        /* NULL: the proposal's title */
  const char     *subtitle;     /* NULL: proposal date, control date, "modified" */
  const char     *export_date;  /* NULL: today, YYYY-MM-DD */
  const char     *stamp;        /* large on the map, e.g. an animation frame's date; NULL: none */
  DmScenario     *compare;      /* non-NULL: two maps side by side, one view */
  gboolean        show_inset;   /* Ukraine outline with the view's rectangle */
  gboolean        show_basemap;
  gboolean        transparent;  /* no page background (and no map fill without a basemap) */
  /* Painted over the map, in SVG an "Annotations" layer; NULL: the
   * scenario's own. Borrowed for the call. */
  DmAnnotationList *annotations;
  DmBasemapStyle  basemap_style;
  /* The screen's view to reproduce: its centre and zoom in world
   * coordinates and the screen's size in pixels. Without it the maps fit
   * the five regions and the other Russian-held areas. */
  /* An area to show instead (world coordinates, e.g. from --bbox or
   * dm_layout_named_extent); the view, if any, is ignored. */
  gboolean        has_extent;
  double          extent[4];    /* min_x, min_y, max_x, max_y */
  gboolean        has_view;
  double          center_x, center_y, zoom;
  double          screen_width, screen_height;
} DmLayoutOptions;

/* Paints the page into (0, 0, width, height) in device units; scale is what
 * DmView.scale is on the maps (1 looks like a 96 dpi screen). */
void  dm_layout_draw  (DmScene               *scene,
                       cairo_t               *cr,
                       const DmLayoutOptions *options,
                       double                 width,
                       double                 height,
                       double                 scale);

/* The world-coordinate box of a named area: a region ("crimea",
 * "luhansk", "donetsk", "zaporizhzhia", "kherson"), "donbas" (Luhansk and
 * Donetsk), "south" (Zaporizhzhia, Kherson, Crimea) or "ukraine"; FALSE
 * for any other name. */
gboolean dm_layout_named_extent (DmGeodata  *geodata,
                                 const char *name,
                                 double      extent[4]);
/* The names dm_layout_named_extent () knows, each with its label for
 * people (marked for translation, untranslated); n_extents gets their
 * number. */
typedef struct
{
  const char *name;
  const char *label;
} DmNamedExtent;

const DmNamedExtent *dm_layout_get_named_extents (guint *n_extents);

/* The box of W,S,E,N in degrees (a lon/lat box), FALSE when invalid. */
gboolean dm_layout_lonlat_extent (double     west,
                                  double     south,
                                  double     east,
                                  double     north,
                                  double     extent[4]);

/* The subtitle a page gets when the options give none. */
char *dm_layout_default_subtitle (DmScene *scene);

/* Metres per device unit at the view's centre: Web Mercator stretches by
 * 1 / cos (latitude), so a scale bar must be measured where it is. */
double dm_layout_metres_per_px (const DmView *view);

G_END_DECLS
