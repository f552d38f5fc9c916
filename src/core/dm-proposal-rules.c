/* dm-proposal-rules.c: the rules of data/proposals/README.md that go beyond parsing a proposal file.
 *
 * The parser (dm-proposal.c) reads what the app needs and reports what it
 * cannot read; these checks enforce the rest of the format as README
 * states it (lengths, dates, names, required text), each with a message
 * that says what to change. They read the JSON itself, so they see what
 * the parser fills in or leaves out. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dm-proposal-rules.h"

#define TITLE_MAX       60
#define SHORT_TITLE_MAX 24
#define NOTE_MAX        200
#define CONTROL_SOURCE  "demarcate-control-data"

static void G_GNUC_PRINTF (2, 3)
add (GPtrArray  *problems,
     const char *format,
     ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (problems, g_strdup_vprintf (format, args));
  va_end (args);
}

/* The member as a string; NULL when absent, null or not a string. */
static const char *
string_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
is_null_member (JsonObject *object,
                const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_NULL (node);
}

/* "YYYY-MM-DD" (a real day) or "YYYY-MM". */
static gboolean
is_date (const char *s)
{
  guint y, m, d;
  char tail;

  if (s == NULL)
    return FALSE;
  if (strlen (s) == 10 && sscanf (s, "%4u-%2u-%2u%c", &y, &m, &d, &tail) == 3 &&
      s[4] == '-' && s[7] == '-')
    return g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y) && y >= 1900;
  if (strlen (s) == 7 && sscanf (s, "%4u-%2u%c", &y, &m, &tail) == 2 && s[4] == '-')
    return m >= 1 && m <= 12 && y >= 1900;
  return FALSE;
}

/* "<b>", "</i>", "<!--", "&amp;", "&#39;": plain text has none of them. */
static gboolean
has_markup (const char *s)
{
  for (const char *p = s; *p; p++)
    {
      if (p[0] == '<' && (g_ascii_isalpha (p[1]) || p[1] == '/' || p[1] == '!'))
        return TRUE;
      if (p[0] == '&' && (p[1] == '#' || g_ascii_isalpha (p[1])))
        {
          const char *q = p + 1;

          while (*q == '#' || g_ascii_isalnum (*q))
            q++;
          if (*q == ';')
            return TRUE;
        }
    }
  return FALSE;
}

static void
check_markup (JsonNode   *node,
              const char *where,
              GPtrArray  *problems)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *child;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &child))
        {
          g_autofree char *inner = g_strdup_printf ("%s%s“%s”", where, *where ? " " : "", name);

          check_markup (child, inner, problems);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *inner = g_strdup_printf ("%s[%u]", where, i + 1);

          check_markup (json_array_get_element (array, i), inner, problems);
        }
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
           has_markup (json_node_get_string (node)))
    add (problems, _("%s contains HTML or markup; strings are plain text"), where);
}

/* The string without leading and trailing white space, newly allocated. */
static char *
trimmed (const char *s)
{
  return g_strstrip (g_strdup (s));
}

static void
check_length (JsonObject *object,
              const char *member,
              guint       max,
              const char *where,
              GPtrArray  *problems)
{
  const char *s = string_member (object, member);

  if (s != NULL && g_utf8_strlen (s, -1) > (glong) max)
    add (problems, _("%s“%s” has %ld characters; it may have at most %u"), where, member,
         g_utf8_strlen (s, -1), max);
}

static void
require_text (JsonObject *object,
              const char *member,
              const char *where,
              GPtrArray  *problems)
{
  const char *s = string_member (object, member);
  g_autofree char *t = s ? trimmed (s) : NULL;

  if (s == NULL)
    add (problems, _("%smissing “%s”: it is required (a string)"), where, member);
  else if (*t == '\0')
    add (problems, _("%s“%s” is empty"), where, member);
}

/* "reuters-2025-11-21" or "reuters-2025-04": the date part, or NULL. */
static const char *
source_id_date (const char *id)
{
  gsize len = strlen (id);

  for (gsize n = 10; n >= 7; n -= 3)
    if (len > n + 1 && id[len - n - 1] == '-' && is_date (id + len - n))
      return id + len - n;
  return NULL;
}

static void
check_sources (JsonObject *root,
               gboolean    baseline,
               GPtrArray  *problems)
{
  JsonNode *node = json_object_get_member (root, "sources");
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return; /* the parser says so */
  array = json_node_get_array (node);
  if (json_array_get_length (array) == 0)
    add (problems, _("“sources” is empty: list at least one source"));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *where = g_strdup_printf (_("source %u: "), i + 1);
      JsonObject *source;
      const char *id, *date, *id_date;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      source = json_node_get_object (element);
      id = string_member (source, "id");
      date = string_member (source, "date");
      require_text (source, "detail", where, problems);
      if (id == NULL)
        continue;
      if (g_str_equal (id, CONTROL_SOURCE))
        {
          if (!baseline)
            add (problems, _("%sthe source id “%s” is only for the bundled line-of-contact "
                             "baseline"), where, id);
          if (!is_null_member (source, "date"))
            add (problems, _("%s“%s” takes the date null: it is the control-area dataset in use"),
                 where, id);
          continue;
        }
      id_date = source_id_date (id);
      if (id_date == NULL ||
          !g_regex_match_simple ("^[a-z0-9]+(-[a-z0-9]+)*-[0-9]{4}-[0-9]{2}(-[0-9]{2})?$", id, 0,
                                 0))
        add (problems, _("%sthe id “%s” must be outlet-yyyy-mm-dd (or outlet-yyyy-mm), in "
                         "lowercase letters, digits and hyphens, e.g. reuters-2025-11-21"),
             where, id);
      if (date == NULL)
        add (problems, _("%s“date” must be \"YYYY-MM-DD\" or \"YYYY-MM\"; null is only for "
                         "the source %s"), where, CONTROL_SOURCE);
      else if (!is_date (date))
        add (problems, _("%s“date” “%s” is not a real date in the form YYYY-MM-DD or YYYY-MM"),
             where, date);
      else if (id_date != NULL && !g_str_equal (date, id_date))
        add (problems, _("%s“date” “%s” differs from the date in the id “%s”; make them the "
                         "same"), where, date, id);
    }
}

static void
check_clauses (JsonObject *root,
               GPtrArray  *problems)
{
  JsonNode *node = json_object_get_member (root, "clauses");
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *clause;
      const char *region, *status, *certainty;
      g_autofree char *where = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      clause = json_node_get_object (element);
      region = string_member (clause, "region");
      where = region ? g_strdup_printf (_("clause %u (%s): "), i + 1, region)
                     : g_strdup_printf (_("clause %u: "), i + 1);
      require_text (clause, "note", where, problems);
      check_length (clause, "note", NOTE_MAX, where, problems);
      status = string_member (clause, "status");
      certainty = string_member (clause, "certainty");
      if (g_strcmp0 (status, "not-addressed") == 0 && certainty != NULL &&
          !g_str_equal (certainty, "unclear"))
        add (problems, _("%sa “not-addressed” clause has the certainty “unclear” (the reports "
                         "are silent), not “%s”"), where, certainty);
    }
}

/* The rules README states that the parser does not enforce. path names
 * the file (its base name must be the id); problems gets char *. */
void
dm_proposal_check_rules (JsonNode   *root_node,
                         const char *path,
                         GPtrArray  *problems)
{
  JsonObject *root;
  const char *id, *kind, *sponsor, *published, *date;
  gboolean baseline;

  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    return;
  root = json_node_get_object (root_node);
  if (g_strcmp0 (string_member (root, "format"), "demarcate-proposal") != 0)
    return; /* not a proposal: the parser's one message is enough */

  id = string_member (root, "id");
  kind = string_member (root, "kind");
  baseline = g_strcmp0 (kind, "baseline") == 0;
  if (id != NULL && path != NULL && g_str_has_suffix (path, ".json"))
    {
      g_autofree char *base = g_path_get_basename (path);

      base[strlen (base) - strlen (".json")] = '\0';
      if (!g_str_equal (base, id))
        add (problems, _("the id “%s” does not match the file name “%s.json”; name the file "
                         "%s.json or change the id"), id, base, id);
    }

  check_length (root, "title", TITLE_MAX, "", problems);
  require_text (root, "short_title", "", problems);
  check_length (root, "short_title", SHORT_TITLE_MAX, "", problems);
  sponsor = string_member (root, "sponsor");
  require_text (root, "sponsor", "", problems);
  if (sponsor != NULL)
    {
      g_autofree char *t = trimmed (sponsor);

      if (g_str_equal (t, "-") || g_str_equal (t, "–") || g_str_equal (t, "—"))
        add (problems, _("“sponsor” must name who put the proposal forward, not a dash"));
    }
  require_text (root, "summary", "", problems);

  date = string_member (root, "date");
  if (!json_object_has_member (root, "date"))
    add (problems, _("missing “date”: give \"YYYY-MM-DD\" or \"YYYY-MM\" (null only for a "
                     "baseline without a date)"));
  else if (is_null_member (root, "date"))
    {
      if (!baseline)
        add (problems, _("“date” is null, which only a baseline may be; give the date the "
                         "proposal was put forward or first reported"));
    }
  else if (!is_date (date))
    add (problems, _("“date” “%s” is not a real date in the form YYYY-MM-DD or YYYY-MM"),
         date ? date : "?");

  published = string_member (root, "published");
  if (published == NULL)
    add (problems, _("missing “published”: text, reported or baseline"));
  else if (!g_str_equal (published, "text") && !g_str_equal (published, "reported") &&
           !g_str_equal (published, "baseline"))
    add (problems, _("unknown published “%s”; expected text, reported or baseline"), published);
  else if (g_str_equal (published, "baseline") && !baseline)
    add (problems, _("“published” is baseline, which only a file of kind baseline may say"));

  if (json_object_has_member (root, "other_terms"))
    {
      JsonNode *terms = json_object_get_member (root, "other_terms");
      gboolean ok = JSON_NODE_HOLDS_ARRAY (terms);

      for (guint i = 0; ok && i < json_array_get_length (json_node_get_array (terms)); i++)
        {
          JsonNode *term = json_array_get_element (json_node_get_array (terms), i);

          ok = JSON_NODE_HOLDS_VALUE (term) && json_node_get_value_type (term) == G_TYPE_STRING;
        }
      if (!ok)
        add (problems, _("“other_terms” must be a list of strings"));
    }

  check_sources (root, baseline, problems);
  check_clauses (root, problems);
  check_markup (root_node, "", problems);
}

/* An "earlier" names a proposal that exists, and gives its status for the
 * same region and part. Needs the other proposals, so `validate` and the
 * catalog run it, not the parser. */
void
dm_proposal_check_earlier (DmProposal *proposal,
                           DmCatalog  *catalog,
                           GPtrArray  *problems)
{
  GPtrArray *clauses = dm_proposal_get_clauses (proposal);

  for (guint i = 0; i < clauses->len; i++)
    {
      const DmClause *clause = g_ptr_array_index (clauses, i);
      DmProposal *earlier;
      DmRegion region;

      if (!clause->has_earlier)
        continue;
      earlier = dm_catalog_find_proposal (catalog, clause->earlier_proposal);
      if (earlier == NULL)
        {
          add (problems, _("clause %u (%s): “earlier” names the proposal “%s”, which is "
                           "neither bundled nor in your proposals folder"), clause->index,
               dm_region_to_string (clause->region), clause->earlier_proposal);
          continue;
        }
      /* "other" checks its first oblast; each has the same clause then. */
      region = clause->region == DM_REGION_OTHER ? DM_FIRST_OUTER_REGION : clause->region;
      for (DmPart p = 0; p < DM_N_PARTS; p++)
        {
          const DmClause *then;

          if (clause->part != DM_PART_ALL && clause->part != p)
            continue;
          then = dm_proposal_lookup (earlier, region, p);
          if (then == NULL || then->status == clause->earlier_status)
            continue;
          add (problems, _("clause %u (%s): “earlier” says “%s” had the status %s for the "
                           "%s part, but that proposal says %s"), clause->index,
               dm_region_to_string (clause->region), clause->earlier_proposal,
               dm_status_to_string (clause->earlier_status), dm_part_to_string (p),
               dm_status_to_string (then->status));
          break; /* once per clause */
        }
    }
}
