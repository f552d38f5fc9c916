/* dm-style.h: how each status looks: a colour-blind-safe fill plus a pattern, so it also reads in grey. */
#pragma once

#include <cairo.h>

#include "dm-types.h"

G_BEGIN_DECLS

typedef enum
{
  DM_PATTERN_NONE,
  DM_PATTERN_DIAGONAL,      /* //// */
  DM_PATTERN_BACK_DIAGONAL, /* \\\\ */
  DM_PATTERN_CROSS,         /* xxxx */
  DM_PATTERN_HORIZONTAL,
  DM_PATTERN_VERTICAL,
  DM_PATTERN_DOTS,
  DM_PATTERN_DASHES,
  DM_PATTERN_GRID,          /* ++++ */
} DmPattern;

/* How a style is drawn: high contrast (the system's setting or the app's)
 * makes fills stronger and pattern lines darker and thicker. */
typedef enum
{
  DM_STYLE_NORMAL        = 0,
  DM_STYLE_HIGH_CONTRAST = 1 << 0,
} DmStyleFlags;

typedef struct
{
  double    r, g, b;       /* fill colour */
  double    alpha;         /* fill opacity when the clause is in a text */
  DmPattern pattern;
  double    ink_r, ink_g, ink_b; /* pattern colour */
  double    line_width;    /* of the pattern's lines, at scale 1 */
} DmStyle;

/* The legend and the map key styles by status and, for "frozen", by part:
 * a frozen Russian-held part and a frozen Ukrainian-held part end up on
 * different sides of the line, and the map must show which. */
typedef enum
{
  DM_KEY_UKRAINE,
  DM_KEY_RETURNED,
  DM_KEY_RUSSIA_DE_JURE,
  DM_KEY_RUSSIA_DE_FACTO,
  DM_KEY_WITHDRAW,
  DM_KEY_FROZEN_RUSSIAN,
  DM_KEY_FROZEN_UKRAINIAN,
  DM_KEY_DEMILITARIZED,
  DM_KEY_OPEN,
  DM_KEY_UNPUBLISHED,
  DM_KEY_NOT_ADDRESSED,
  DM_N_KEYS
} DmStyleKey;

DmStyleKey      dm_style_key          (DmStatus      status,
                                       DmPart        part);
DmStatus        dm_style_key_status   (DmStyleKey    key);
const DmStyle  *dm_style_get          (DmStyleKey    key);
void            dm_style_get_full     (DmStyleKey    key,
                                       DmStyleFlags  flags,
                                       DmStyle      *style);
const char     *dm_style_key_label    (DmStyleKey    key);
double          dm_style_certainty_alpha (DmCertainty certainty);
void            dm_style_fill_path    (cairo_t      *cr,
                                       DmStyleKey    key,
                                       DmCertainty   certainty,
                                       double        scale,
                                       double        anchor_x,
                                       double        anchor_y);
void            dm_style_fill_path_full (cairo_t    *cr,
                                         DmStyleKey  key,
                                         DmCertainty certainty,
                                         DmStyleFlags flags,
                                         double      scale,
                                         double      anchor_x,
                                         double      anchor_y);
void            dm_style_paint_swatch_full (cairo_t     *cr,
                                            DmStyleKey   key,
                                            DmCertainty  certainty,
                                            DmStyleFlags flags,
                                            double       x,
                                            double       y,
                                            double       width,
                                            double       height,
                                            double       scale);
void            dm_style_paint_swatch (cairo_t      *cr,
                                       DmStyleKey    key,
                                       DmCertainty   certainty,
                                       double        x,
                                       double        y,
                                       double        width,
                                       double        height,
                                       double        scale);
void            dm_style_stroke_front (cairo_t      *cr,
                                       double        scale);

G_END_DECLS
