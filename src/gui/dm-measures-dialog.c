/* dm-measures-dialog.c: shows what changes hands and what differs, with Copy and Save as CSV. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "dm-file.h"
#include "dm-format.h"
#include "dm-measures-dialog.h"
#include "dm-text.h"
#include "dm-number.h"

struct _DmMeasuresDialog
{
  AdwWindow        parent_instance;

  /* Template children */
  AdwToastOverlay *toasts;
  GtkLabel        *summary_label;
  GtkBox          *parts_box;
  GtkLabel        *places_label;
  GtkLabel        *unknown_label;
  GtkBox          *places_box;

  char            *csv;        /* the parts table, as `demarcate stats` prints it */
  char            *places_csv; /* the places table, as `stats --places` prints it */
  char            *suggested_name;
};

G_DEFINE_FINAL_TYPE (DmMeasuresDialog, dm_measures_dialog, ADW_TYPE_WINDOW)

static GtkWidget *
cell (const char *text,
      gboolean    header,
      gboolean    numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (header)
    gtk_widget_add_css_class (label, "heading");
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

/* "Demilitarised zone (text) → dmz": the status, how sure, who would hold it. */
static char *
part_cell_text (DmScenario *scenario,
                DmRegion    region,
                DmPart      part)
{
  return g_strdup_printf ("%s (%s) → %s",
                          dm_status_label (dm_scenario_get_status (scenario, region, part)),
                          dm_part_certainty_word (dm_part_certainty (scenario, region, part)),
                          dm_holder_label (dm_part_holder (scenario, region, part)));
}

static GtkWidget *
parts_table (DmPartition *partition,
             DmScenario  *a,
             DmScenario  *b)
{
  GtkWidget *grid = gtk_grid_new ();
  int row = 0;
  int col;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  col = 0;
  gtk_grid_attach (GTK_GRID (grid), cell (_("Region"), TRUE, FALSE), col++, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), cell (_("Part"), TRUE, FALSE), col++, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid),
                   cell (dm_proposal_get_short_title (dm_scenario_get_proposal (a)), TRUE, FALSE),
                   col++, row, 1, 1);
  if (b != NULL)
    gtk_grid_attach (GTK_GRID (grid),
                     cell (dm_proposal_get_short_title (dm_scenario_get_proposal (b)), TRUE,
                           FALSE), col++, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), cell (_("Area"), TRUE, TRUE), col++, row, 1, 1);

  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    for (DmPart p = 0; p < DM_N_PARTS; p++)
      {
        g_autofree char *area = NULL;
        g_autofree char *text_a = NULL, *text_b = NULL;
        gboolean differ;

        if (!dm_partition_has_part (partition, r, p) || dm_partition_is_sliver (partition, r, p))
          continue;
        row++;
        col = 0;
        /* Emphasised where the two would leave the land to different holders. */
        differ = b != NULL && dm_parts_differ (a, b, r, p, FALSE);
        area = dm_number_format_area (dm_partition_get_area (partition, r, p));
        text_a = part_cell_text (a, r, p);
        gtk_grid_attach (GTK_GRID (grid), cell (dm_region_label (r), FALSE, FALSE), col++, row,
                         1, 1);
        gtk_grid_attach (GTK_GRID (grid), cell (dm_part_label (p), FALSE, FALSE), col++, row, 1,
                         1);
        gtk_grid_attach (GTK_GRID (grid), cell (text_a, differ, FALSE), col++, row, 1, 1);
        if (b != NULL)
          {
            text_b = part_cell_text (b, r, p);
            gtk_grid_attach (GTK_GRID (grid), cell (text_b, differ, FALSE), col++, row, 1, 1);
          }
        gtk_grid_attach (GTK_GRID (grid), cell (area, FALSE, TRUE), col++, row, 1, 1);
      }
  return grid;
}

static GtkWidget *
places_table (GPtrArray *places)
{
  GtkWidget *grid = gtk_grid_new ();
  guint shown = MIN (places->len, 200);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  gtk_grid_attach (GTK_GRID (grid), cell (_("Place"), TRUE, FALSE), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), cell (_("Region"), TRUE, FALSE), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), cell (_("Population"), TRUE, TRUE), 2, 0, 1, 1);
  for (guint i = 0; i < shown; i++)
    {
      const DmStatsPlace *sp = g_ptr_array_index (places, i);
      g_autofree char *pop = sp->place->population > 0
                             ? dm_number_format (sp->place->population)
                             : g_strdup (_("unknown"));

      gtk_grid_attach (GTK_GRID (grid), cell (dm_text_place_name (sp->place), FALSE, FALSE), 0,
                       i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell (dm_region_label (sp->region), FALSE, FALSE), 1,
                       i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell (pop, FALSE, TRUE), 2, i + 1, 1, 1);
    }
  if (places->len > shown)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "…and %u more (all are in the CSV)",
                                                            "…and %u more (all are in the CSV)",
                                                            places->len - shown),
                                               places->len - shown);
      gtk_grid_attach (GTK_GRID (grid), cell (more, FALSE, FALSE), 0, shown + 1, 3, 1);
    }
  return grid;
}

static void
copy_clicked_cb (DmMeasuresDialog *self)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->csv);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Copied as CSV")));
}

static void
save_response_cb (DmMeasuresDialog     *self,
                  int                   response,
                  GtkFileChooserNative *native)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      g_autofree char *places_path = NULL;

      /* One table per file, so a spreadsheet opens each: the places go
       * beside the parts as NAME-places.csv, each written atomically. */
      if (path != NULL)
        {
          g_autofree char *stem = g_str_has_suffix (path, ".csv")
                                  ? g_strndup (path, strlen (path) - 4) : g_strdup (path);

          places_path = g_strconcat (stem, "-places.csv", NULL);
        }
      else
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             _("Choose a folder on this computer"));
      if (path == NULL ||
          !dm_file_write_atomic (path, self->csv, strlen (self->csv), NULL, &error) ||
          !dm_file_write_atomic (places_path, self->places_csv, strlen (self->places_csv), NULL,
                                 &error))
        {
          g_autofree char *msg = g_strdup_printf (_("Could not save “%s”: %s"),
                                                  path ? path : "?",
                                                  error ? error->message : "");
          adw_toast_overlay_add_toast (self->toasts, adw_toast_new (msg));
        }
      else
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Saved as CSV")));
    }
  g_object_unref (native);
}

static void
save_clicked_cb (DmMeasuresDialog *self)
{
  GtkFileChooserNative *native =
    gtk_file_chooser_native_new (_("Save Measures"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), self->suggested_name);
  g_signal_connect_object (native, "response", G_CALLBACK (save_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
dm_measures_dialog_finalize (GObject *object)
{
  DmMeasuresDialog *self = DM_MEASURES_DIALOG (object);

  g_free (self->csv);
  g_free (self->places_csv);
  g_free (self->suggested_name);
  G_OBJECT_CLASS (dm_measures_dialog_parent_class)->finalize (object);
}

static void
dm_measures_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DM_TYPE_MEASURES_DIALOG);
  G_OBJECT_CLASS (dm_measures_dialog_parent_class)->dispose (object);
}

static void
dm_measures_dialog_class_init (DmMeasuresDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = dm_measures_dialog_finalize;
  G_OBJECT_CLASS (klass)->dispose = dm_measures_dialog_dispose;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/demarcate/Demarcate/ui/dm-measures-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DmMeasuresDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, DmMeasuresDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, DmMeasuresDialog, parts_box);
  gtk_widget_class_bind_template_child (widget_class, DmMeasuresDialog, places_label);
  gtk_widget_class_bind_template_child (widget_class, DmMeasuresDialog, unknown_label);
  gtk_widget_class_bind_template_child (widget_class, DmMeasuresDialog, places_box);
  gtk_widget_class_bind_template_callback (widget_class, copy_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
}

static void
dm_measures_dialog_init (DmMeasuresDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}


DmMeasuresDialog *
dm_measures_dialog_new (GtkWindow   *parent,
                        DmGeodata   *geodata,
                        DmPartition *partition,
                        DmScenario  *scenario,
                        DmScenario  *compare)
{
  DmMeasuresDialog *self = g_object_new (DM_TYPE_MEASURES_DIALOG, "transient-for", parent, NULL);
  g_autoptr(GArray) rows = dm_stats_rows_compare (partition, scenario, compare);
  g_autoptr(GPtrArray) places = compare
    ? dm_stats_places_differing (partition, scenario, compare, geodata)
    : dm_stats_places_changing_hands (partition, scenario, geodata);
  DmProposal *pa = dm_scenario_get_proposal (scenario);
  const char *compare_id = compare ? dm_proposal_get_id (dm_scenario_get_proposal (compare))
                                   : NULL;
  g_autoptr(GString) csv = dm_stats_csv (dm_proposal_get_id (pa), compare_id,
                                         dm_partition_get_date (partition), rows);
  g_autoptr(GString) places_csv = dm_stats_places_csv (dm_proposal_get_id (pa),
                                                       compare_id ? compare_id : "line-of-contact",
                                                       dm_partition_get_date (partition), places);
  DmPlaceTotals totals;
  g_autofree char *handover = NULL, *text = NULL;
  g_autofree char *places_title = NULL, *population = NULL, *unknown = NULL, *n_places = NULL;
  GtkWidget *parts;
  int width = 0;

  self->csv = g_strdup (csv->str);
  self->places_csv = g_strdup (places_csv->str);
  self->suggested_name = compare
    ? g_strdup_printf ("%s-vs-%s-%s.csv", dm_proposal_get_id (pa),
                       dm_proposal_get_id (dm_scenario_get_proposal (compare)),
                       dm_partition_get_date (partition))
    : g_strdup_printf ("%s-%s.csv", dm_proposal_get_id (pa), dm_partition_get_date (partition));

  dm_stats_place_totals (places, &totals);
  handover = dm_stats_headline (partition, scenario);
  text = g_strdup_printf ("%s\n%s", dm_proposal_get_title (pa), handover);
  gtk_label_set_text (self->summary_label, text);
  parts = parts_table (partition, scenario, compare);
  gtk_box_append (self->parts_box, parts);

  /* Wide enough for every column of the table (the margins are 18 px
   * each side, and a scroll bar may take some more); a window too narrow
   * for the screen scrolls. */
  gtk_widget_measure (parts, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width + 2 * 18 + 16, 480), 720);

  population = dm_number_format ((double) totals.population);
  n_places = dm_number_format (totals.n_places);
  places_title = compare
    ? g_strdup_printf (_("Places that would be held by a different side under the two: %s, population %s"),
                       n_places, population)
    : g_strdup_printf (_("Places in land that changes hands: %s, population %s"),
                       n_places, population);
  gtk_label_set_text (self->places_label, places_title);
  /* A place GeoNames gives no population counts as a place but adds
   * nothing to the total: say so, and how many. */
  unknown = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u of these places has no population on record "
                                          "(GeoNames gives none), so the total leaves it out.",
                                          "%u of these places have no population on record "
                                          "(GeoNames gives none), so the total leaves them out.",
                                          totals.n_unknown_population),
                             totals.n_unknown_population);
  gtk_label_set_text (self->unknown_label, unknown);
  gtk_widget_set_visible (GTK_WIDGET (self->unknown_label), totals.n_unknown_population > 0);
  gtk_box_append (self->places_box, places_table (places));
  return self;
}

