/* dm-scene.h: what a map shows, as properties, and the painter that draws it onto any cairo_t. */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "dm-geodata.h"
#include "dm-partition.h"
#include "dm-scenario.h"
#include "dm-style.h"
#include "dm-annotation.h"
#include "dm-view.h"

G_BEGIN_DECLS

#define DM_TYPE_SCENE (dm_scene_get_type ())
G_DECLARE_FINAL_TYPE (DmScene, dm_scene, DM, SCENE, GObject)

DmScene      *dm_scene_new              (DmGeodata    *geodata);
DmScene      *dm_scene_copy             (DmScene      *self);
void          dm_scene_follow           (DmScene      *self,
                                         DmScene      *source);

DmGeodata    *dm_scene_get_geodata      (DmScene      *self);
void          dm_scene_set_geodata      (DmScene      *self,
                                         DmGeodata    *geodata);
DmPartition  *dm_scene_get_partition    (DmScene      *self);
void          dm_scene_set_partition    (DmScene      *self,
                                         DmPartition  *partition);
DmScenario   *dm_scene_get_scenario     (DmScene      *self);
void          dm_scene_set_scenario     (DmScene      *self,
                                         DmScenario   *scenario);
DmScenario   *dm_scene_get_compare      (DmScene      *self);
void          dm_scene_set_compare      (DmScene      *self,
                                         DmScenario   *compare);
gboolean      dm_scene_get_show_front   (DmScene      *self);
void          dm_scene_set_show_front   (DmScene      *self,
                                         gboolean      show_front);
gboolean      dm_scene_get_show_labels  (DmScene      *self);
void          dm_scene_set_show_labels  (DmScene      *self,
                                         gboolean      show_labels);
gboolean      dm_scene_get_status_differences (DmScene *self);
void          dm_scene_set_status_differences (DmScene *self,
                                               gboolean status_differences);
gboolean      dm_scene_get_show_places  (DmScene      *self);
void          dm_scene_set_show_places  (DmScene      *self,
                                         gboolean      show_places);
void          dm_scene_set_places_min_population (DmScene *self,
                                                  guint    population);
gboolean      dm_scene_get_high_contrast (DmScene     *self);
void          dm_scene_set_high_contrast (DmScene     *self,
                                          gboolean     high_contrast);
gboolean      dm_scene_get_dark         (DmScene      *self);
void          dm_scene_set_dark         (DmScene      *self,
                                         gboolean      dark);
double        dm_scene_get_text_scale   (DmScene      *self);
void          dm_scene_set_text_scale   (DmScene      *self,
                                         double        text_scale);

void          dm_scene_set_selection    (DmScene      *self,
                                         int           region,
                                         int           part);
gboolean      dm_scene_get_selection    (DmScene      *self,
                                         int          *region,
                                         int          *part);

void          dm_scene_add_extra        (DmScene      *self,
                                         const char   *name,
                                         GPtrArray    *shapes);
void          dm_scene_copy_extras      (DmScene      *self,
                                         DmScene      *from);
guint         dm_scene_get_n_extras     (DmScene      *self);
const char   *dm_scene_get_extra_name   (DmScene      *self,
                                         guint         index);

void          dm_scene_draw             (DmScene      *self,
                                         cairo_t      *cr,
                                         const DmView *view);

/* What dm_scene_draw paints, in two parts a window can cache apart: a
 * day or proposal step changes the shapes, never the names. */
typedef enum
{
  DM_SCENE_SHAPES = 1 << 0,  /* parts, outlines, imported layers, highlights, the line */
  DM_SCENE_LABELS = 1 << 1,  /* region and place names, over the shapes */
  DM_SCENE_ALL    = DM_SCENE_SHAPES | DM_SCENE_LABELS,
} DmSceneLayers;

void          dm_scene_draw_layers      (DmScene      *self,
                                         cairo_t      *cr,
                                         const DmView *view,
                                         DmSceneLayers layers);
void          dm_scene_draw_scenario    (DmScene      *self,
                                         cairo_t      *cr,
                                         const DmView *view,
                                         DmScenario   *scenario);
gboolean      dm_scene_hit              (DmScene      *self,
                                         double        x,
                                         double        y,
                                         DmRegion     *region,
                                         DmPart       *part);
guint         dm_scene_get_keys         (DmScene      *self,
                                         DmStyleKey   *keys);
guint         dm_scene_get_legend_keys  (DmScene      *self,
                                         DmScene      *other,
                                         DmStyleKey   *keys);
void          dm_scene_style_for_part   (DmScene      *self,
                                         DmRegion      region,
                                         DmPart        part,
                                         DmStyleKey   *key,
                                         DmCertainty  *certainty);

void          dm_scene_set_label_obstacles (DmScene          *self,
                                            DmAnnotationList *annotations);

G_END_DECLS
