/* dm-proposal.c: parses and validates a proposal file, reporting every problem with its clause. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "dm-error.h"
#include "dm-proposal.h"
#include "dm-proposal-rules.h"

struct _DmProposal
{
  GObject     parent_instance;

  char       *path;
  char       *id;
  char       *title;
  char       *short_title;
  char       *sponsor;
  char       *date;
  char       *published;
  char       *summary;
  gboolean    baseline;
  GPtrArray  *sources;   /* DmSource */
  GPtrArray  *clauses;   /* DmClause */
  GStrv       other_terms;
  /* Resolved per part; DM_PART_ALL clauses fill both. */
  DmClause   *lookup[DM_N_REGIONS][DM_N_PARTS];
};

G_DEFINE_FINAL_TYPE (DmProposal, dm_proposal, G_TYPE_OBJECT)

/* Collects every problem so `demarcate validate` can list them all at once. */
typedef struct
{
  const char *display;
  GString    *problems;
  guint       n_problems;
} Checker;

static void G_GNUC_PRINTF (2, 3)
problem (Checker    *checker,
         const char *format,
         ...)
{
  va_list args;

  if (checker->n_problems++ > 0)
    g_string_append_c (checker->problems, '\n');
  g_string_append_printf (checker->problems, "%s: ", checker->display);
  va_start (args, format);
  g_string_append_vprintf (checker->problems, format, args);
  va_end (args);
}

static void
source_free (gpointer data)
{
  DmSource *source = data;

  g_free (source->id);
  g_free (source->outlet);
  g_free (source->date);
  g_free (source->detail);
  g_free (source->url);
  g_free (source);
}

static void
clause_free (gpointer data)
{
  DmClause *clause = data;

  g_free (clause->note);
  g_free (clause->earlier_proposal);
  g_clear_pointer (&clause->sources, g_ptr_array_unref);
  g_free (clause);
}

static void
dm_proposal_finalize (GObject *object)
{
  DmProposal *self = DM_PROPOSAL (object);

  g_free (self->path);
  g_free (self->id);
  g_free (self->title);
  g_free (self->short_title);
  g_free (self->sponsor);
  g_free (self->date);
  g_free (self->published);
  g_free (self->summary);
  g_clear_pointer (&self->clauses, g_ptr_array_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_strfreev (self->other_terms);

  G_OBJECT_CLASS (dm_proposal_parent_class)->finalize (object);
}

static void
dm_proposal_class_init (DmProposalClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dm_proposal_finalize;
}

static void
dm_proposal_init (DmProposal *self)
{
  self->sources = g_ptr_array_new_with_free_func (source_free);
  self->clauses = g_ptr_array_new_with_free_func (clause_free);
}

/* A string member, or NULL with a problem noted when required and missing. */
static char *
get_string (Checker    *checker,
            JsonObject *object,
            const char *member,
            gboolean    required,
            const char *where)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        problem (checker, _("%smissing “%s”"), where, member);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      problem (checker, _("%s“%s” must be a string"), where, member);
      return NULL;
    }
  if (required && *json_node_get_string (node) == '\0')
    {
      problem (checker, _("%s“%s” is empty"), where, member);
      return NULL;
    }
  return g_strdup (json_node_get_string (node));
}

static gboolean
parse_enum (Checker            *checker,
            JsonObject         *object,
            const char         *member,
            const char * const *names,
            guint               n_names,
            guint              *out,
            const char         *where)
{
  g_autofree char *value = get_string (checker, object, member, TRUE, where);

  if (value == NULL)
    return FALSE;
  for (guint i = 0; i < n_names; i++)
    {
      if (g_str_equal (names[i], value))
        {
          *out = i;
          return TRUE;
        }
    }
  {
    g_autofree char *choices = dm_enum_choices (names, n_names);
    problem (checker, _("%sunknown %s “%s”; expected %s"), where, member, value, choices);
  }
  return FALSE;
}

static void
parse_sources (DmProposal *self,
               Checker    *checker,
               JsonObject *root)
{
  JsonArray *array;

  if (!json_object_has_member (root, "sources") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "sources")))
    {
      problem (checker, _("“sources” must be a list of sources"));
      return;
    }
  array = json_object_get_array_member (root, "sources");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autofree char *where = g_strdup_printf (_("source %u: "), i + 1);
      JsonObject *object;
      DmSource *source;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          problem (checker, _("%smust be an object"), where);
          continue;
        }
      object = json_node_get_object (node);
      source = g_new0 (DmSource, 1);
      source->id = get_string (checker, object, "id", TRUE, where);
      source->outlet = get_string (checker, object, "outlet", TRUE, where);
      source->date = get_string (checker, object, "date", FALSE, where);
      source->detail = get_string (checker, object, "detail", FALSE, where);
      source->url = get_string (checker, object, "url", FALSE, where);
      if (source->url != NULL && !g_str_has_prefix (source->url, "https://") &&
          !g_str_has_prefix (source->url, "http://"))
        problem (checker, _("%s“url” must start with https:// or http://"), where);
      if (source->id == NULL)
        {
          source_free (source);
          continue;
        }
      for (guint j = 0; j < self->sources->len; j++)
        {
          DmSource *other = g_ptr_array_index (self->sources, j);
          if (g_str_equal (other->id, source->id))
            problem (checker, _("%sthe id “%s” is used twice"), where, source->id);
        }
      g_ptr_array_add (self->sources, source);
    }
}

static DmSource *
find_source (DmProposal *self,
             const char *id)
{
  for (guint i = 0; i < self->sources->len; i++)
    {
      DmSource *source = g_ptr_array_index (self->sources, i);
      if (g_str_equal (source->id, id))
        return source;
    }
  return NULL;
}

static DmClause *
parse_clause (DmProposal *self,
              Checker    *checker,
              JsonNode   *node,
              guint       index)
{
  g_autofree char *where = g_strdup_printf (_("clause %u: "), index);
  g_autofree char *region_name = NULL;
  DmClause *clause;
  JsonObject *object;
  JsonNode *sources;
  guint value;
  gboolean ok = TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (checker, _("%smust be an object"), where);
      return NULL;
    }
  object = json_node_get_object (node);

  /* Name the clause by its region in later messages, when it has a usable one. */
  region_name = get_string (checker, object, "region", FALSE, where);
  if (region_name != NULL)
    {
      g_free (where);
      where = g_strdup_printf (_("clause %u (%s): "), index, region_name);
    }

  clause = g_new0 (DmClause, 1);
  clause->index = index;
  clause->sources = g_ptr_array_new ();

  ok &= parse_enum (checker, object, "region", dm_region_names, DM_N_REGIONS + 1, &value, where);
  clause->region = value;
  ok &= parse_enum (checker, object, "part", dm_part_names, DM_N_PARTS + 1, &value, where);
  clause->part = value;
  ok &= parse_enum (checker, object, "status", dm_status_names, DM_N_STATUSES, &value, where);
  clause->status = value;
  ok &= parse_enum (checker, object, "certainty", dm_certainty_names, DM_N_CERTAINTIES, &value,
                    where);
  clause->certainty = value;
  clause->note = get_string (checker, object, "note", FALSE, where);

  sources = json_object_get_member (object, "sources");
  if (sources == NULL || !JSON_NODE_HOLDS_ARRAY (sources) ||
      json_array_get_length (json_node_get_array (sources)) == 0)
    {
      problem (checker, _("%s“sources” must list at least one source id"), where);
      ok = FALSE;
    }
  else
    {
      JsonArray *array = json_node_get_array (sources);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *id = json_array_get_string_element (array, i);
          DmSource *source = id ? find_source (self, id) : NULL;

          if (source == NULL)
            {
              problem (checker, _("%sthe source “%s” is not defined in “sources”"), where,
                       id ? id : "?");
              ok = FALSE;
              continue;
            }
          g_ptr_array_add (clause->sources, source);
        }
    }

  if (json_object_has_member (object, "earlier"))
    {
      JsonNode *earlier = json_object_get_member (object, "earlier");

      if (!JSON_NODE_HOLDS_OBJECT (earlier))
        {
          problem (checker, _("%s“earlier” must be an object"), where);
          ok = FALSE;
        }
      else
        {
          JsonObject *eo = json_node_get_object (earlier);

          clause->earlier_proposal = get_string (checker, eo, "proposal", TRUE, where);
          clause->has_earlier = parse_enum (checker, eo, "status", dm_status_names,
                                            DM_N_STATUSES, &value, where);
          clause->earlier_status = value;
          ok &= clause->has_earlier;
        }
    }

  if (!ok)
    {
      clause_free (clause);
      return NULL;
    }
  return clause;
}

static void
check_coverage (DmProposal *self,
                Checker    *checker)
{
  for (guint i = 0; i < self->clauses->len; i++)
    {
      DmClause *clause = g_ptr_array_index (self->clauses, i);
      DmPart first = clause->part == DM_PART_ALL ? 0 : clause->part;
      DmPart last = clause->part == DM_PART_ALL ? DM_N_PARTS - 1 : clause->part;
      /* "other" is shorthand for the four oblasts outside the five regions. */
      DmRegion r_first = clause->region == DM_REGION_OTHER ? DM_FIRST_OUTER_REGION
                                                           : clause->region;
      DmRegion r_last = clause->region == DM_REGION_OTHER ? DM_N_REGIONS - 1 : clause->region;

      for (DmRegion r = r_first; r <= r_last; r++)
        for (DmPart p = first; p <= last; p++)
          {
            DmClause *other = self->lookup[r][p];

            if (other != NULL)
              problem (checker, _("clause %u (%s): the %s of %s is already covered by clause %u"),
                       clause->index, dm_region_to_string (clause->region),
                       dm_part_to_string (p), dm_region_to_string (r), other->index);
            else
              self->lookup[r][p] = clause;
          }
    }

  for (DmRegion r = 0; r < DM_N_REGIONS; r++)
    for (DmPart p = 0; p < DM_N_PARTS; p++)
      if (self->lookup[r][p] == NULL)
        problem (checker, _("no clause covers the %s of %s; add one for that part or one "
                            "with the part “all”"),
                 dm_part_to_string (p), dm_region_to_string (r));

  for (guint i = 0; i < self->sources->len; i++)
    {
      DmSource *source = g_ptr_array_index (self->sources, i);
      gboolean used = FALSE;

      for (guint j = 0; j < self->clauses->len && !used; j++)
        {
          DmClause *clause = g_ptr_array_index (self->clauses, j);
          used = g_ptr_array_find (clause->sources, source, NULL);
        }
      if (!used)
        problem (checker, _("the source “%s” is defined but no clause cites it"), source->id);
    }
}

static gboolean
is_valid_id (const char *id)
{
  if (id == NULL || *id == '\0')
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static void
parse_root (DmProposal *self,
            Checker    *checker,
            JsonNode   *root_node)
{
  JsonObject *root;
  g_autofree char *format = NULL;
  g_autofree char *kind = NULL;
  JsonNode *clauses;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      problem (checker, _("the file must hold one JSON object"));
      return;
    }
  root = json_node_get_object (root_node);

  format = get_string (checker, root, "format", TRUE, "");
  if (format != NULL && !g_str_equal (format, "demarcate-proposal"))
    {
      problem (checker, _("“format” is “%s”; a proposal file says “demarcate-proposal”"), format);
      return;
    }
  if (json_object_get_int_member_with_default (root, "version", 0) != 1)
    problem (checker, _("“version” must be 1"));

  self->id = get_string (checker, root, "id", TRUE, "");
  if (self->id != NULL && !is_valid_id (self->id))
    problem (checker, _("the id “%s” may use only lowercase letters, digits and hyphens"),
             self->id);
  kind = get_string (checker, root, "kind", TRUE, "");
  if (kind != NULL && !g_str_equal (kind, "proposal") && !g_str_equal (kind, "baseline"))
    problem (checker, _("unknown kind “%s”; expected proposal or baseline"), kind);
  self->baseline = kind != NULL && g_str_equal (kind, "baseline");
  self->title = get_string (checker, root, "title", TRUE, "");
  self->short_title = get_string (checker, root, "short_title", FALSE, "");
  self->sponsor = get_string (checker, root, "sponsor", FALSE, "");
  self->date = get_string (checker, root, "date", FALSE, "");
  self->published = get_string (checker, root, "published", FALSE, "");
  self->summary = get_string (checker, root, "summary", FALSE, "");
  if (self->short_title == NULL && self->title != NULL)
    self->short_title = g_strdup (self->title);

  if (json_object_has_member (root, "other_terms") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "other_terms")))
    {
      JsonArray *terms = json_object_get_array_member (root, "other_terms");
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; i < json_array_get_length (terms); i++)
        {
          const char *term = json_array_get_string_element (terms, i);
          if (term != NULL)
            g_strv_builder_add (builder, term);
        }
      self->other_terms = g_strv_builder_end (builder);
    }

  parse_sources (self, checker, root);

  clauses = json_object_get_member (root, "clauses");
  if (clauses == NULL || !JSON_NODE_HOLDS_ARRAY (clauses))
    {
      problem (checker, _("“clauses” must be a list of clauses"));
      return;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (clauses)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (clauses), i);
      DmClause *clause = parse_clause (self, checker, node, i + 1);

      if (clause != NULL)
        g_ptr_array_add (self->clauses, clause);
    }

  if (checker->n_problems == 0)
    check_coverage (self, checker);
}

DmProposal *
dm_proposal_new_from_data (const char  *data,
                           gssize       length,
                           const char  *display_name,
                           GError     **error)
{
  g_autoptr(DmProposal) self = g_object_new (DM_TYPE_PROPOSAL, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  Checker checker = { display_name, problems, 0 };

  if (length < 0)
    length = strlen (data);
  if (length == 0)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_EMPTY, _("%s: the file is empty"), display_name);
      return NULL;
    }
  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, DM_ERROR, DM_ERROR_FORMAT,
                   _("%s: the file is not valid UTF-8 text"), display_name);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, DM_ERROR, DM_ERROR_FORMAT, _("%s: not valid JSON: %s"),
                   display_name, local_error->message);
      return NULL;
    }

  parse_root (self, &checker, json_parser_get_root (parser));
  {
    /* The format's remaining rules (data/proposals/README.md). */
    g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (g_free);

    dm_proposal_check_rules (json_parser_get_root (parser), display_name, rules);
    for (guint i = 0; i < rules->len; i++)
      problem (&checker, "%s", (const char *) g_ptr_array_index (rules, i));
  }
  if (checker.n_problems > 0)
    {
      g_set_error_literal (error, DM_ERROR, DM_ERROR_INVALID, problems->str);
      return NULL;
    }
  return g_steal_pointer (&self);
}

DmProposal *
dm_proposal_new_from_file (const char  *path,
                           GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  DmProposal *self;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, DM_ERROR, DM_ERROR_IO, _("%s: cannot be read: %s"),
                   display, local_error->message);
      return NULL;
    }
  /* Proposals are small; a huge file is a mistake, not a proposal. */
  if (length > 4 * 1024 * 1024)
    {
      g_set_error (error, DM_ERROR, DM_ERROR_TOO_LARGE,
                   _("%s: too large for a proposal file (%zu bytes; the limit is 4 MB)"),
                   display, (size_t) length);
      return NULL;
    }

  self = dm_proposal_new_from_data (data, length, display, error);
  if (self != NULL)
    self->path = g_strdup (path);
  return self;
}

const char *
dm_proposal_get_id (DmProposal *self)
{
  return self->id;
}

const char *
dm_proposal_get_title (DmProposal *self)
{
  return self->title;
}

const char *
dm_proposal_get_short_title (DmProposal *self)
{
  return self->short_title;
}

const char *
dm_proposal_get_sponsor (DmProposal *self)
{
  return self->sponsor ? self->sponsor : "";
}

const char *
dm_proposal_get_date (DmProposal *self)
{
  return self->date;
}

/* The file it was read from; NULL when read from data. */
const char *
dm_proposal_get_path (DmProposal *self)
{
  return self->path;
}

const char *
dm_proposal_get_summary (DmProposal *self)
{
  return self->summary ? self->summary : "";
}

gboolean
dm_proposal_is_baseline (DmProposal *self)
{
  return self->baseline;
}

GPtrArray *
dm_proposal_get_sources (DmProposal *self)
{
  return self->sources;
}

/* "text" or "reported": how the proposal is known. */
const char *
dm_proposal_get_published (DmProposal *self)
{
  return self->published;
}

/* The clauses in file order (validate's rules read them). */
GPtrArray *
dm_proposal_get_clauses (DmProposal *self)
{
  return self->clauses;
}

const char * const *
dm_proposal_get_other_terms (DmProposal *self)
{
  static const char * const none[] = { NULL };

  return self->other_terms ? (const char * const *) self->other_terms : none;
}

const DmClause *
dm_proposal_lookup (DmProposal *self,
                    DmRegion    region,
                    DmPart      part)
{
  g_return_val_if_fail (region < DM_N_REGIONS, NULL);
  if (part == DM_PART_ALL)
    part = DM_PART_RUSSIAN_HELD;
  g_return_val_if_fail (part < DM_N_PARTS, NULL);
  return self->lookup[region][part];
}

/* "Axios (2025-11-20); Reuters (2025-11-21)" */
char *
dm_clause_format_sources (const DmClause *clause)
{
  GString *s = g_string_new (NULL);

  dm_sources_append (s, clause->sources, NULL);
  return g_string_free (s, FALSE);
}

/* The same as Pango markup, each source with a url a link to it. */
char *
dm_clause_format_sources_markup (const DmClause *clause)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < clause->sources->len; i++)
    {
      DmSource *source = g_ptr_array_index (clause->sources, i);
      g_autofree char *outlet = g_markup_escape_text (source->outlet, -1);

      if (i > 0)
        g_string_append (s, "; ");
      if (source->url != NULL)
        {
          g_autofree char *url = g_markup_escape_text (source->url, -1);

          g_string_append_printf (s, "<a href=\"%s\">%s</a>", url, outlet);
        }
      else
        g_string_append (s, outlet);
      if (source->date != NULL)
        {
          g_autofree char *date = g_markup_escape_text (source->date, -1);

          g_string_append_printf (s, " (%s)", date);
        }
    }
  return g_string_free (s, FALSE);
}

/* Appends "Outlet (date)" for each source, with "; " between them. With
 * seen, a source already in it is skipped and each one appended is added:
 * a list that cites each source once. */
void
dm_sources_append (GString    *out,
                   GPtrArray  *sources,
                   GHashTable *seen)
{
  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      DmSource *source = g_ptr_array_index (sources, i);
      g_autofree char *one = source->date ? g_strdup_printf ("%s (%s)", source->outlet,
                                                             source->date)
                                          : g_strdup (source->outlet);

      if (seen != NULL && g_hash_table_contains (seen, one))
        continue;
      g_string_append_printf (out, "%s%s", out->len > 0 ? "; " : "", one);
      if (seen != NULL)
        g_hash_table_add (seen, g_steal_pointer (&one));
    }
}
