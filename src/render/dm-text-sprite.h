/* dm-text-sprite.h: a label's halo and text, and a place's dot, prepared once as small images for raster targets. */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef struct
{
  PangoRectangle   logical;  /* pango_layout_get_pixel_extents, in user units */
  PangoRectangle   ink;
  gboolean         exact;    /* can be drawn as a picture; else with pango */
  cairo_surface_t *image;    /* A8: the text's coverage (or a halo's), or NULL */
  int              x, y;     /* image's corner from the rounded layout origin, device px */
} DmTextSprite;

gboolean      dm_text_sprite_device_scale (cairo_t           *cr,
                                           double            *scale);
DmTextSprite *dm_text_sprite_get          (cairo_t           *cr,
                                           PangoLayout       *layout,
                                           const char        *key,
                                           const char        *text,
                                           double             halo_radius);
DmTextSprite *dm_text_sprite_ref          (DmTextSprite      *sprite);
void          dm_text_sprite_unref        (DmTextSprite      *sprite);
void          dm_text_sprite_paint_label  (cairo_t           *cr,
                                           const char        *key,
                                           const DmTextSprite *label,
                                           double             x,
                                           double             y,
                                           double             halo_radius,
                                           double             halo_alpha,
                                           const double       rgb[3]);
void          dm_text_sprite_paint_dot    (cairo_t           *cr,
                                           double             x,
                                           double             y,
                                           double             radius,
                                           double             line_width);
void          dm_text_sprite_clear_cache  (void);
gsize         dm_text_sprite_cache_size   (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmTextSprite, dm_text_sprite_unref)

G_END_DECLS
