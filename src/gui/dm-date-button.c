/* dm-date-button.c: the header's day button: the day shown, and a calendar to choose another.
 *
 * A dropdown of 770 dates was the only way to pick a day other than by
 * the slider. The calendar goes to any day in a few clicks; the days
 * proposals were made are marked in it and named under it. Choosing a day
 * emits "day-chosen"; the window applies the catalog's rule (that day, or
 * the latest earlier one with a note; outside the record, an error), so
 * the button never decides which line a date means. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "dm-date-button.h"

struct _DmDateButton
{
  GtkWidget       parent_instance;

  GtkMenuButton  *button;
  GtkImage       *icon;
  GtkLabel       *label;
  GtkPopover     *popover;
  GtkCalendar    *calendar;
  GtkLabel       *month_label;
  GtkLabel       *range_label;
  GtkButton      *latest_button;

  char           *day;
  char           *first;
  char           *last;
  GStrv           marked;  /* proposals' days, YYYY-MM-DD */
  GStrv           labels;  /* their short names */
};

G_DEFINE_FINAL_TYPE (DmDateButton, dm_date_button, GTK_TYPE_WIDGET)

enum
{
  DAY_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum
{
  PROP_0,
  PROP_DAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
calendar_day_selected_cb (DmDateButton *self);

/* Marks the proposals' days of the month the calendar shows, and names
 * them under it. */
static void
update_month (DmDateButton *self)
{
  int year = 0, month = 0;
  g_autofree char *prefix = NULL;
  GString *named = g_string_new (NULL);

  /* GTK 4.8 has the month only as a property (0 for January). */
  g_object_get (self->calendar, "year", &year, "month", &month, NULL);
  prefix = g_strdup_printf ("%04d-%02d-", year, month + 1);

  gtk_calendar_clear_marks (self->calendar);
  for (guint i = 0; self->marked != NULL && self->marked[i] != NULL; i++)
    {
      const char *day = self->marked[i];

      if (!g_str_has_prefix (day, prefix))
        continue;
      gtk_calendar_mark_day (self->calendar, (guint) g_ascii_strtoull (day + 8, NULL, 10));
      if (named->len > 0)
        g_string_append (named, "\n");
      /* TRANSLATORS: a proposal's day in the calendar's month: "20: 28-point plan" */
      g_string_append_printf (named, _("%s: %s"), day + 8, self->labels[i]);
    }
  gtk_label_set_text (self->month_label, named->str);
  gtk_widget_set_visible (GTK_WIDGET (self->month_label), named->len > 0);
  g_string_free (named, TRUE);
}

static void
select_in_calendar (DmDateButton *self,
                    const char   *day)
{
  GDate date;
  g_autoptr(GDateTime) when = NULL;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, day);
  if (!g_date_valid (&date))
    return;
  when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), 12, 0, 0);
  g_signal_handlers_block_by_func (self->calendar, calendar_day_selected_cb, self);
  gtk_calendar_select_day (self->calendar, when);
  g_signal_handlers_unblock_by_func (self->calendar, calendar_day_selected_cb, self);
  update_month (self);
}

static void
calendar_day_selected_cb (DmDateButton *self)
{
  g_autoptr(GDateTime) when = gtk_calendar_get_date (self->calendar);
  g_autofree char *day = g_date_time_format (when, "%Y-%m-%d");

  dm_date_button_choose (self, day);
}

static void
latest_clicked_cb (DmDateButton *self)
{
  if (self->last != NULL)
    dm_date_button_choose (self, self->last);
}

/* Opening shows the day on the map, whatever month was browsed last. */
static void
popover_show_cb (DmDateButton *self)
{
  if (self->day != NULL)
    select_in_calendar (self, self->day);
}

static void
dm_date_button_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DM_TYPE_DATE_BUTTON);
  G_OBJECT_CLASS (dm_date_button_parent_class)->dispose (object);
}

static void
dm_date_button_finalize (GObject *object)
{
  DmDateButton *self = DM_DATE_BUTTON (object);

  g_free (self->day);
  g_free (self->first);
  g_free (self->last);
  g_strfreev (self->marked);
  g_strfreev (self->labels);
  G_OBJECT_CLASS (dm_date_button_parent_class)->finalize (object);
}

static void
dm_date_button_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DAY:
      g_value_set_string (value, DM_DATE_BUTTON (object)->day);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_date_button_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_DAY:
      dm_date_button_set_day (DM_DATE_BUTTON (object), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dm_date_button_class_init (DmDateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dm_date_button_dispose;
  object_class->finalize = dm_date_button_finalize;
  object_class->get_property = dm_date_button_get_property;
  object_class->set_property = dm_date_button_set_property;

  /* The day the map shows. */
  properties[PROP_DAY] =
    g_param_spec_string ("day", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A day the user chose, YYYY-MM-DD; it may have no line of its own. */
  signals[DAY_CHOSEN] = g_signal_new ("day-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/demarcate/Demarcate/ui/dm-date-button.ui");
  gtk_widget_class_bind_template_child (widget_class, DmDateButton, button);
  gtk_widget_class_bind_template_child (widget_class, DmDateButton, icon);
  gtk_widget_class_bind_template_child (widget_class, DmDateButton, label);
  gtk_widget_class_bind_template_child (widget_class, DmDateButton, popover);
  gtk_widget_class_bind_template_child (widget_class, DmDateButton, calendar);
  gtk_widget_class_bind_template_child (widget_class, DmDateButton, month_label);
  gtk_widget_class_bind_template_child (widget_class, DmDateButton, range_label);
  gtk_widget_class_bind_template_child (widget_class, DmDateButton, latest_button);
  gtk_widget_class_set_css_name (widget_class, "dmdatebutton");
}

static void
dm_date_button_init (DmDateButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->calendar, "day-selected",
                           G_CALLBACK (calendar_day_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "notify::month", G_CALLBACK (update_month), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "notify::year", G_CALLBACK (update_month), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->latest_button, "clicked", G_CALLBACK (latest_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->popover, "show", G_CALLBACK (popover_show_cb), self,
                           G_CONNECT_SWAPPED);
}

/* The days of the record (for its range) and the proposals' days with
 * their short names (marked in the calendar). */
void
dm_date_button_set_days (DmDateButton       *self,
                         const char * const *days,
                         const char * const *marked,
                         const char * const *labels)
{
  guint n = days ? g_strv_length ((char **) days) : 0;
  g_autofree char *range = NULL;

  g_clear_pointer (&self->first, g_free);
  g_clear_pointer (&self->last, g_free);
  if (n > 0)
    {
      self->first = g_strdup (days[0]);
      self->last = g_strdup (days[n - 1]);
      range = g_strdup_printf (_("Lines of contact from %s to %s. A day without one shows the "
                                 "latest day before it."), self->first, self->last);
    }
  gtk_label_set_text (self->range_label, range ? range : "");
  g_strfreev (self->marked);
  g_strfreev (self->labels);
  self->marked = g_strdupv ((char **) marked);
  self->labels = g_strdupv ((char **) labels);
  if (self->labels == NULL || g_strv_length (self->labels) != g_strv_length (self->marked))
    {
      g_strfreev (self->labels);
      self->labels = g_strdupv (self->marked);
    }
  update_month (self);
}

const char *
dm_date_button_get_day (DmDateButton *self)
{
  return self->day;
}

/* The day the map shows. */
void
dm_date_button_set_day (DmDateButton *self,
                        const char   *day)
{
  g_autofree char *name = NULL;

  if (g_strcmp0 (self->day, day) == 0)
    return;
  g_free (self->day);
  self->day = g_strdup (day);
  gtk_label_set_text (self->label, day ? day : "");
  name = g_strdup_printf (_("Date of the line of contact: %s"), day ? day : "");
  /* GTK 4.8 reads the menu button's inner button, which it leaves unnamed. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name, -1);
  if (gtk_widget_get_first_child (GTK_WIDGET (self->button)) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->button))),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (day != NULL)
    select_in_calendar (self, day);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
}

/* As clicking a day in the calendar does. */
void
dm_date_button_choose (DmDateButton *self,
                       const char   *day)
{
  gtk_popover_popdown (self->popover);
  g_signal_emit (self, signals[DAY_CHOSEN], 0, day);
}

/* Compact: the day alone, without the calendar icon, where the header
 * has no room to spare. */
void
dm_date_button_set_compact (DmDateButton *self,
                            gboolean      compact)
{
  gtk_widget_set_visible (GTK_WIDGET (self->icon), !compact);
}

GtkCalendar *
dm_date_button_get_calendar (DmDateButton *self)
{
  return self->calendar;
}

/* The proposals named under the calendar's month, one a line. */
const char *
dm_date_button_get_month_text (DmDateButton *self)
{
  return gtk_label_get_text (self->month_label);
}
