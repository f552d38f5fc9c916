/* dm-partition.c: derives each region's Russian-held (region ∩ control) and Ukrainian-held (region − control) part. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "dm-cache.h"
#include "dm-error.h"
#include "dm-geom.h"
#include "dm-partition.h"

struct _DmPartition
{
  gatomicrefcount  ref_count;
  char            *date;
  char            *source;
  OGRGeometryH     control;  /* inside Ukraine, with the enclosed strips */
  double           enclosed_km2;
  OGRGeometryH     parts[DM_N_REGIONS][DM_N_PARTS];
  double           area[DM_N_REGIONS][DM_N_PARTS];
  DmShape         *shapes[DM_N_REGIONS][DM_N_PARTS];
  DmShape         *front; /* the line of contact: the control area's edge inside Ukraine */
  OGRGeometryH     front_geometry;
  gboolean         with_shapes; /* FALSE: areas only, for series */
};

G_DEFINE_BOXED_TYPE (DmPartition, dm_partition, dm_partition_ref, dm_partition_unref)

DmPartition *
dm_partition_ref (DmPartition *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
dm_partition_unref (DmPartition *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint r = 0; r < DM_N_REGIONS; r++)
    for (guint p = 0; p < DM_N_PARTS; p++)
      {
        g_clear_pointer (&self->parts[r][p], OGR_G_DestroyGeometry);
        g_clear_pointer (&self->shapes[r][p], dm_shape_unref);
      }
  g_clear_pointer (&self->front, dm_shape_unref);
  g_clear_pointer (&self->front_geometry, OGR_G_DestroyGeometry);
  g_clear_pointer (&self->control, OGR_G_DestroyGeometry);
  g_free (self->date);
  g_free (self->source);
  g_free (self);
}

static gboolean
set_part (DmPartition   *self,
          DmRegion       region,
          DmPart         part,
          OGRGeometryH   geometry,
          GError       **error)
{
  if (geometry == NULL)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_GEOMETRY,
                   _("The %s of %s cannot be computed from the control area of %s"),
                   dm_part_label (part), dm_region_label (region), self->date);
      return FALSE;
    }
  self->parts[region][part] = geometry;
  self->area[region][part] = dm_geom_area_km2 (geometry);
  if (self->with_shapes)
    self->shapes[region][part] = dm_shape_new (geometry);
  return TRUE;
}

/* The control area's outline minus Ukraine's border and coast (with a margin
 * of about 2 km, since the two were digitised separately). */
static OGRGeometryH
front_line (OGRGeometryH control,
            OGRGeometryH margin)
{
  g_auto(DmOgrGeometry) edge = OGR_G_Boundary (control);

  return (edge && margin) ? OGR_G_Difference (edge, margin) : NULL;
}

/* DeepStateMap draws the coast and the border with Russia its own way, so
 * Natural Earth land beside its polygon is left over: strips along the
 * Crimean and Azov coasts and the border, 150-odd pieces and some 900 km² a
 * day, none over about 100 km². Left alone they would make a
 * "Ukrainian-held" Crimea. So a piece of the rest of Ukraine that is not the
 * mainland, lies against the occupied area and is under ENCLOSED_MAX_KM2
 * counts as occupied (a hole in DeepStateMap's polygon too). An island off
 * the coast that the occupied area does not touch, and a larger piece (not a
 * digitising difference), stay Ukrainian-held. A real Ukrainian-held pocket
 * under 300 km² that the occupied area cut off would be counted as occupied
 * too; DeepStateMap draws such pockets joined to the rest by the grey zone,
 * which is not in its polygon.
 *
 * Only Ukraine's polygons that the control area touches are cut: a piece of
 * a connected polygon minus the control area touches the control area, so
 * no piece needs a test of its own. Returns the control area with the
 * strips added. */
#define ENCLOSED_MAX_KM2 300.0

static OGRGeometryH
add_enclosed (OGRGeometryH  control,
              OGRGeometryH  ukraine,
              double       *enclosed_km2)
{
  g_auto(DmOgrGeometry) own = OGR_G_ForceToMultiPolygon (OGR_G_Clone (ukraine));
  g_auto(DmOgrGeometry) enclosed = OGR_G_CreateGeometry (wkbMultiPolygon);
  g_auto(DmOgrGeometry) candidates = OGR_G_CreateGeometry (wkbMultiPolygon);
  g_autoptr(GArray) areas = g_array_new (FALSE, FALSE, sizeof (double));
  OGREnvelope c_env;
  int mainland = -1, largest_polygon = -1;
  double largest = -1.0;

  *enclosed_km2 = 0.0;
  OGR_G_GetEnvelope (control, &c_env);
  /* The mainland needs no touch test: untouched, it stays one piece, the
   * largest, and is kept. Islands do: an untouched one must not count. */
  for (int k = 0; k < OGR_G_GetGeometryCount (own); k++)
    if (largest_polygon < 0 ||
        OGR_G_Area (OGR_G_GetGeometryRef (own, k)) >
        OGR_G_Area (OGR_G_GetGeometryRef (own, largest_polygon)))
      largest_polygon = k;
  for (int k = 0; k < OGR_G_GetGeometryCount (own); k++)
    {
      OGRGeometryH polygon = OGR_G_GetGeometryRef (own, k);
      g_auto(DmOgrGeometry) rest = NULL;
      g_auto(DmOgrGeometry) pieces = NULL;
      OGREnvelope env;

      OGR_G_GetEnvelope (polygon, &env);
      if (env.MinX > c_env.MaxX || env.MaxX < c_env.MinX || env.MinY > c_env.MaxY ||
          env.MaxY < c_env.MinY || (k != largest_polygon && !OGR_G_Intersects (polygon, control)))
        continue;
      rest = dm_geom_difference (polygon, control);
      if (rest == NULL)
        continue;
      pieces = OGR_G_ForceToMultiPolygon (g_steal_pointer (&rest));
      for (int i = 0; i < OGR_G_GetGeometryCount (pieces); i++)
        {
          OGRGeometryH piece = OGR_G_GetGeometryRef (pieces, i);
          double area = dm_geom_area_km2 (piece);

          if (area > largest)
            {
              largest = area;
              mainland = (int) areas->len;
            }
          g_array_append_val (areas, area);
          OGR_G_AddGeometry (candidates, piece);
        }
    }

  for (guint i = 0; i < areas->len; i++)
    if ((int) i != mainland && g_array_index (areas, double, i) < ENCLOSED_MAX_KM2)
      {
        OGR_G_AddGeometry (enclosed, OGR_G_GetGeometryRef (candidates, (int) i));
        *enclosed_km2 += g_array_index (areas, double, i);
      }
  if (OGR_G_GetGeometryCount (enclosed) == 0)
    return OGR_G_Clone (control);
  return OGR_G_Union (control, enclosed);
}

/* Cached as DM_PARTITION_CACHE_TYPE. Only derivations with shapes are
 * stored, so every entry has its line. */
#define CACHE_MAX_ENTRIES 128

/* The geography's inputs and the control area's geometry, by checksum. */
static char *
cache_key (DmGeodata     *geodata,
           DmControlArea *control)
{
  g_autoptr(GVariant) wkb = g_variant_ref_sink (dm_cache_geometry_to_variant (control->geometry));
  g_autofree char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                      g_variant_get_data (wkb),
                                                      g_variant_get_size (wkb));

  return g_strdup_printf ("%s\ncontrol area %s", dm_geodata_get_cache_key (geodata), sum);
}

static void
store_cached (DmPartition *self,
              const char  *key)
{
  GVariantBuilder parts;
  g_autoptr(GVariant) value = NULL;

  g_variant_builder_init (&parts, G_VARIANT_TYPE ("a(ayd)"));
  for (guint r = 0; r < DM_N_REGIONS; r++)
    for (guint p = 0; p < DM_N_PARTS; p++)
      g_variant_builder_add (&parts, "(@ayd)", dm_cache_geometry_to_variant (self->parts[r][p]),
                             self->area[r][p]);
  value = g_variant_ref_sink (g_variant_new ("(@ayd@a(ayd)@ay)",
                                             dm_cache_geometry_to_variant (self->control),
                                             self->enclosed_km2, g_variant_builder_end (&parts),
                                             dm_cache_geometry_to_variant (self->front_geometry)));
  dm_cache_store ("partition", key, value, CACHE_MAX_ENTRIES);
}

/* FALSE, with nothing kept, when value is not a day's parts (any bytes
 * may come from the cache folder). */
static gboolean
decode_cached (DmPartition *self,
               GVariant    *value)
{
  g_autoptr(GVariant) control = NULL;
  g_autoptr(GVariant) parts = NULL;
  g_autoptr(GVariant) front = NULL;
  gboolean ok = TRUE;

  if (!g_variant_is_of_type (value, G_VARIANT_TYPE (DM_PARTITION_CACHE_TYPE)))
    return FALSE;
  g_variant_get (value, "(@ayd@a(ayd)@ay)", &control, &self->enclosed_km2, &parts, &front);
  if (g_variant_n_children (parts) != DM_N_REGIONS * DM_N_PARTS)
    return FALSE;
  self->control = dm_cache_geometry_from_variant (control, &ok);
  for (guint i = 0; ok && i < DM_N_REGIONS * DM_N_PARTS; i++)
    {
      g_autoptr(GVariant) wkb = NULL;
      DmRegion r = i / DM_N_PARTS;
      DmPart p = i % DM_N_PARTS;

      g_variant_get_child (parts, i, "(@ayd)", &wkb, &self->area[r][p]);
      self->parts[r][p] = dm_cache_geometry_from_variant (wkb, &ok);
      /* An empty part is an empty geometry, never none. */
      ok = ok && self->parts[r][p] != NULL;
    }
  if (ok && self->with_shapes)
    self->front_geometry = dm_cache_geometry_from_variant (front, &ok);
  ok = ok && self->control != NULL;
  if (!ok)
    {
      for (guint r = 0; r < DM_N_REGIONS; r++)
        for (guint p = 0; p < DM_N_PARTS; p++)
          g_clear_pointer (&self->parts[r][p], OGR_G_DestroyGeometry);
      g_clear_pointer (&self->control, OGR_G_DestroyGeometry);
      g_clear_pointer (&self->front_geometry, OGR_G_DestroyGeometry);
      return FALSE;
    }
  if (self->with_shapes)
    {
      for (guint r = 0; r < DM_N_REGIONS; r++)
        for (guint p = 0; p < DM_N_PARTS; p++)
          self->shapes[r][p] = dm_shape_new (self->parts[r][p]);
      self->front = dm_shape_new (self->front_geometry);
    }
  return TRUE;
}

static gboolean
load_cached (DmPartition *self,
             const char  *key)
{
  g_autoptr(GVariant) value = dm_cache_load ("partition", key, G_VARIANT_TYPE (DM_PARTITION_CACHE_TYPE));

  return value != NULL && decode_cached (self, value);
}

/* A partition from a cache entry's value, or NULL: for tests/fuzz. */
DmPartition *
_dm_partition_new_from_cached (GVariant *value)
{
  g_autoptr(DmPartition) self = g_new0 (DmPartition, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->with_shapes = TRUE;
  self->date = g_strdup ("");
  self->source = g_strdup ("");
  return decode_cached (self, value) ? g_steal_pointer (&self) : NULL;
}

static DmPartition *
derive_geometry (DmPartition   *self,
                 DmGeodata     *geodata,
                 DmControlArea *control,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_auto(DmOgrGeometry) inside = NULL;

  /* Only the part inside Ukraine counts: an imported layer may spill over. */
  inside = dm_geom_intersection (control->geometry, dm_geodata_get_ukraine (geodata));
  if (inside != NULL)
    self->control = add_enclosed (inside, dm_geodata_get_ukraine (geodata), &self->enclosed_km2);
  if (self->control == NULL)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_GEOMETRY,
                   _("%s: the control area cannot be intersected with Ukraine’s borders"),
                   control->path);
      return NULL;
    }

  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    {
      OGRGeometryH region = dm_geodata_get_region (geodata, r);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      if (!set_part (self, r, DM_PART_RUSSIAN_HELD,
                     dm_geom_intersection (region, self->control), error) ||
          !set_part (self, r, DM_PART_UKRAINIAN_HELD,
                     dm_geom_difference (region, self->control), error))
        return NULL;
    }

  if (self->with_shapes)
    {
      self->front_geometry = front_line (self->control, dm_geodata_get_coast_margin (geodata));
      self->front = dm_shape_new (self->front_geometry);
    }
  return self;
}

/* From the cache (dm-cache.c) when this geography and control area were cut
 * before; else cut with GEOS, and cached when with shapes. */
static DmPartition *
derive (DmGeodata     *geodata,
        DmControlArea *control,
        gboolean       with_shapes,
        GCancellable  *cancellable,
        GError       **error)
{
  g_autoptr(DmPartition) self = g_new0 (DmPartition, 1);
  g_autofree char *key = cache_key (geodata, control);

  g_atomic_ref_count_init (&self->ref_count);
  self->with_shapes = with_shapes;
  self->date = g_strdup (control->date);
  self->source = g_strdup (control->source);

  if (load_cached (self, key))
    return g_steal_pointer (&self);
  if (derive_geometry (self, geodata, control, cancellable, error) == NULL)
    return NULL;
  if (with_shapes)
    store_cached (self, key);
  return g_steal_pointer (&self);
}

DmPartition *
dm_partition_derive (DmGeodata     *geodata,
                     DmControlArea *control,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return derive (geodata, control, TRUE, cancellable, error);
}

/* The parts and their areas without what painting needs (shapes and the
 * line of contact): a series measures hundreds of days. */
DmPartition *
dm_partition_derive_areas (DmGeodata     *geodata,
                           DmControlArea *control,
                           GCancellable  *cancellable,
                           GError       **error)
{
  return derive (geodata, control, FALSE, cancellable, error);
}

DmShape *
dm_partition_get_shape (DmPartition *self,
                        DmRegion     region,
                        DmPart       part)
{
  g_return_val_if_fail (region < DM_N_REGIONS && part < DM_N_PARTS, NULL);
  return self->shapes[region][part];
}

DmShape *
dm_partition_get_front (DmPartition *self)
{
  return self->front;
}

/* The line of contact in lon/lat; NULL if it could not be computed. */
OGRGeometryH
dm_partition_get_front_geometry (DmPartition *self)
{
  return self->front_geometry;
}

const char *
dm_partition_get_date (DmPartition *self)
{
  return self->date;
}

const char *
dm_partition_get_source (DmPartition *self)
{
  return self->source;
}

/* km² of land beside the control area counted as held with it (add_enclosed). */
double
dm_partition_get_enclosed_area (DmPartition *self)
{
  return self->enclosed_km2;
}

OGRGeometryH
dm_partition_get_control (DmPartition *self)
{
  return self->control;
}

OGRGeometryH
dm_partition_get_geometry (DmPartition *self,
                           DmRegion     region,
                           DmPart       part)
{
  g_return_val_if_fail (region < DM_N_REGIONS && part < DM_N_PARTS, NULL);
  return self->parts[region][part];
}

/* DM_PART_ALL gives the whole region. */
double
dm_partition_get_area (DmPartition *self,
                       DmRegion     region,
                       DmPart       part)
{
  g_return_val_if_fail (region < DM_N_REGIONS && part <= DM_PART_ALL, 0.0);
  if (part == DM_PART_ALL)
    return self->area[region][DM_PART_RUSSIAN_HELD] + self->area[region][DM_PART_UKRAINIAN_HELD];
  return self->area[region][part];
}

/* Every region has both parts (either may be empty on a day). */
gboolean
dm_partition_has_part (DmPartition *self,
                       DmRegion     region,
                       DmPart       part)
{
  return region < DM_N_REGIONS && part < DM_N_PARTS;
}

/* A part of under 1 km² is where two datasets' edges disagree (Crimea's
 * "Ukrainian-held part"), not land anyone holds: lists and legends leave
 * it out. */
gboolean
dm_partition_is_sliver (DmPartition *self,
                        DmRegion     region,
                        DmPart       part)
{
  return dm_partition_get_area (self, region, part) < 1.0;
}
