/* dm-scene.h: the overlay painter: region parts by status, the line of contact, labels. */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "dm-geodata.h"
#include "dm-partition.h"
#include "dm-scenario.h"
#include "dm-style.h"
#include "dm-view.h"

G_BEGIN_DECLS

typedef struct _DmScene DmScene;

typedef struct
{
  gboolean show_front;     /* the line of contact */
  gboolean show_labels;    /* region names */
  gboolean show_places;    /* town names */
  gboolean high_contrast;  /* thicker lines, black halos: projectors */
  double   text_scale;     /* 1 normally; larger in presentation mode */
  gboolean dark_basemap;   /* painted over the dark basemap */
  gboolean status_differences; /* outline parts whose status differs, not only their holder */
} DmSceneOptions;

#define DM_TYPE_SCENE (dm_scene_get_type ())
GType         dm_scene_get_type       (void) G_GNUC_CONST;
DmScene      *dm_scene_new            (DmGeodata       *geodata);
DmScene      *dm_scene_ref            (DmScene         *self);
void          dm_scene_unref          (DmScene         *self);
DmGeodata    *dm_scene_get_geodata    (DmScene         *self);
void          dm_scene_set_partition  (DmScene         *self,
                                       DmPartition     *partition);
DmPartition  *dm_scene_get_partition  (DmScene         *self);
void          dm_scene_set_scenario   (DmScene         *self,
                                       DmScenario      *scenario);
DmScenario   *dm_scene_get_scenario   (DmScene         *self);
void          dm_scene_set_compare    (DmScene         *self,
                                       DmScenario      *other);
void          dm_scene_set_selection  (DmScene         *self,
                                       int              region,
                                       int              part);
DmSceneOptions *dm_scene_get_options  (DmScene         *self);
void          dm_scene_draw           (DmScene         *self,
                                       cairo_t         *cr,
                                       const DmView    *view);
gboolean      dm_scene_hit            (DmScene         *self,
                                       double           x,
                                       double           y,
                                       DmRegion        *region,
                                       DmPart          *part);
guint         dm_scene_get_keys       (DmScene         *self,
                                       DmStyleKey      *keys);
void          dm_scene_style_for_part (DmScene         *self,
                                       DmRegion         region,
                                       DmPart           part,
                                       DmStyleKey      *key,
                                       DmCertainty     *certainty);

guint64       dm_scene_get_fingerprint (DmScene        *self);
void          dm_scene_add_extra      (DmScene         *self,
                                       const char      *name,
                                       GPtrArray       *shapes);
void          dm_scene_copy_extras    (DmScene         *self,
                                       DmScene         *from);
guint         dm_scene_get_n_extras   (DmScene         *self);
const char   *dm_scene_get_extra_name (DmScene         *self,
                                       guint            index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DmScene, dm_scene_unref)

G_END_DECLS
