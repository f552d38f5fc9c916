/* dm-a11y.c: names GTK 4.8 leaves out of the accessibility tree: drop-downs' and icon buttons' inner buttons. */
#include "config.h"

#include <glib/gi18n.h>

#include "dm-a11y.h"

/* The button inside a GtkDropDown is what takes the focus, but GTK 4.8
 * gives it no name, so a screen reader says only "button". It gets the
 * drop-down's tooltip and the item chosen: "Playback Speed: 1 week a
 * second". */
static void
name_button (GtkDropDown *drop_down)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
  const char *what = gtk_widget_get_tooltip_text (GTK_WIDGET (drop_down));
  gpointer item = gtk_drop_down_get_selected_item (drop_down);
  g_autofree char *label = NULL;

  if (button == NULL || !GTK_IS_TOGGLE_BUTTON (button) || what == NULL)
    return;
  if (GTK_IS_STRING_OBJECT (item))
    /* TRANSLATORS: a drop-down's name and the item chosen in it. */
    label = g_strdup_printf (_("%s: %s"), what, gtk_string_object_get_string (item));
  else
    label = g_strdup (what);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* Every drop-down under root, now and whenever its choice or model changes. */
void
dm_a11y_name_drop_downs (GtkWidget *root)
{
  if (GTK_IS_DROP_DOWN (root))
    {
      name_button (GTK_DROP_DOWN (root));
      g_signal_connect (root, "notify::selected-item", G_CALLBACK (name_button), NULL);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    dm_a11y_name_drop_downs (child);
}

/* "_Export" → "Export"; "__" stays one underscore. */
static char *
without_mnemonic (const char *label)
{
  GString *s = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] == '_')
        p++;
      else if (*p == '_')
        continue;
      g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

/* Icon buttons GTK 4.8 or a library names after their child's type
 * ("GtkImage"), though they have a tooltip: libshumate's zoom buttons and
 * a GtkMenuButton's inner button. Their tooltip becomes their name. */
void
dm_a11y_name_icon_buttons (GtkWidget *root)
{
  const char *tooltip = gtk_widget_get_tooltip_text (root);

  if (GTK_IS_MENU_BUTTON (root) && tooltip != NULL)
    {
      GtkWidget *inner = gtk_widget_get_first_child (root);
      const char *label = gtk_menu_button_get_label (GTK_MENU_BUTTON (root));
      /* Its own words, without the mnemonic's underscore, else the tooltip. */
      g_autofree char *name = label != NULL ? without_mnemonic (label) : g_strdup (tooltip);

      gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      if (inner != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (inner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        name, -1);
      return;
    }
  if (GTK_IS_BUTTON (root) && tooltip != NULL && gtk_button_get_label (GTK_BUTTON (root)) == NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tooltip, -1);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    dm_a11y_name_icon_buttons (child);
}
