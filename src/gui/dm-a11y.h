/* dm-a11y.h: names GTK 4.8 leaves out of the accessibility tree. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void dm_a11y_name_drop_downs  (GtkWidget *root);
void dm_a11y_name_icon_buttons (GtkWidget *root);

G_END_DECLS
