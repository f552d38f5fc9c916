/* dm-export.h: the map page as a PNG, SVG or PDF file, written atomically; the API the export dialog and the CLI share. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "dm-layout.h"
#include "dm-scene.h"

G_BEGIN_DECLS

typedef enum
{
  DM_EXPORT_PNG,
  DM_EXPORT_SVG,
  DM_EXPORT_PDF,
} DmExportFormat;

typedef enum
{
  DM_PAPER_NONE,  /* size in pixels: width, height */
  DM_PAPER_A4,
  DM_PAPER_A3,
} DmPaper;

/* Initialise with dm_export_options_init (), then change what differs.
 * Strings and the compare scenario are borrowed for the call.
 *
 * Size: with paper NONE, width × height pixels (PNG), and for SVG/PDF a
 * page of that many CSS pixels (1/96 in); line widths and type scale with
 * the shorter side, so 3840×2160 looks like a 1920×1080 screen at 2×. With
 * a paper size, the page is A4/A3 (landscape unless portrait) at dpi,
 * and everything scales by dpi / 96: a 300 dpi A4 looks like the screen,
 * only sharper. */
typedef struct
{
  DmExportFormat  format;
  DmPaper         paper;
  int             width, height;   /* pixels, for DM_PAPER_NONE */
  double          dpi;             /* for paper; 300 by default */
  gboolean        portrait;        /* swaps width and height */
  DmLayoutOptions layout;          /* title, view, inset, compare… */
} DmExportOptions;

void            dm_export_options_init  (DmExportOptions        *options);

/* The page in device units (pixels of the PNG; the SVG's viewBox; the
 * PDF's drawing units before scaling to points) and the painters' scale. */
void            dm_export_get_size      (const DmExportOptions  *options,
                                         int                    *width,
                                         int                    *height,
                                         double                 *scale);

/* Paints the page onto any cairo_t at width × height device units, e.g. a
 * live preview: the page is scaled down as a whole, so the preview shows
 * the final proportions of type to map. Safe to call from a thread as long
 * as nothing else changes the scene meanwhile. */
void            dm_export_draw          (DmScene                *scene,
                                         cairo_t                *cr,
                                         const DmExportOptions  *options,
                                         double                  width,
                                         double                  height);

/* Writes the page to path. The file is written in path's folder under a
 * temporary name and renamed over path only when complete: on any error
 * (the GError names the file and the reason) path is left as it was and
 * nothing else is left behind. Blocking: call from a GTask thread. */
gboolean        dm_export_to_file       (DmScene                *scene,
                                         const DmExportOptions  *options,
                                         const char             *path,
                                         GError                **error);

/* "png", "svg" or "pdf" (any case) in a name or an extension. */
gboolean        dm_export_format_from_string (const char        *str,
                                              DmExportFormat    *format);
const char     *dm_export_format_to_string   (DmExportFormat     format);

G_END_DECLS
