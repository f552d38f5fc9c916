/* dm-proposal.c: parses and validates a proposal file, reporting every problem with its clause. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "dm-error.h"
#include "dm-json.h"
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
  GHashTable *source_ids; /* id → DmSource, owned by sources */
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

  /* A broken generator can make thousands; the first ones say enough. */
  if (checker->n_problems++ >= DM_PROPOSAL_MAX_PROBLEMS)
    return;
  if (checker->n_problems > 1)
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
  g_clear_pointer (&self->source_ids, g_hash_table_unref);
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
  self->source_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->clauses = g_ptr_array_new_with_free_func (clause_free);
}

/* A problem for the error, which says where and what was expected. */
static void
problem_from_error (Checker  *checker,
                    GError  **error)
{
  problem (checker, "%s", (*error)->message);
  g_clear_error (error);
}

/* A string member, or NULL with a problem noted when required and missing
 * or empty, or when it is not a string. */
static char *
get_string (Checker    *checker,
            JsonObject *object,
            const char *member,
            gboolean    required,
            const char *where)
{
  GError *error = NULL;
  const char *value;

  if (!dm_json_get_string (object, member,
                           required ? DM_JSON_REQUIRED | DM_JSON_NONEMPTY : DM_JSON_OPTIONAL,
                           where, &value, &error))
    {
      problem_from_error (checker, &error);
      return NULL;
    }
  return g_strdup (value);
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
  GError *error = NULL;
  JsonArray *array;

  if (!dm_json_get_array (root, "sources", DM_JSON_REQUIRED, DM_PROPOSAL_MAX_SOURCES, "",
                          &array, &error))
    {
      problem_from_error (checker, &error);
      return;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf (_("source %u: "), i + 1);
      JsonObject *object;
      DmSource *source;

      if (!dm_json_array_get_object (array, i, _("source"), "", &object, &error))
        {
          problem_from_error (checker, &error);
          continue;
        }
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
      if (g_hash_table_contains (self->source_ids, source->id))
        problem (checker, _("%sthe id “%s” is used twice"), where, source->id);
      else
        g_hash_table_insert (self->source_ids, source->id, source);
      g_ptr_array_add (self->sources, source);
    }
}

static DmClause *
parse_clause (DmProposal *self,
              Checker    *checker,
              JsonArray  *array,
              guint       index)
{
  g_autofree char *where = g_strdup_printf (_("clause %u: "), index);
  g_autofree char *region_name = NULL;
  DmClause *clause;
  JsonObject *object;
  JsonObject *earlier;
  JsonArray *sources;
  GError *error = NULL;
  guint value = 0;
  gboolean ok = TRUE;

  if (!dm_json_array_get_object (array, index - 1, _("clause"), "", &object, &error))
    {
      problem_from_error (checker, &error);
      return NULL;
    }

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

  if (!dm_json_get_array (object, "sources", DM_JSON_OPTIONAL, DM_PROPOSAL_MAX_CITED, where,
                          &sources, &error))
    {
      problem_from_error (checker, &error);
      ok = FALSE;
    }
  else if (sources == NULL || json_array_get_length (sources) == 0)
    {
      problem (checker, _("%s“sources” must list at least one source id"), where);
      ok = FALSE;
    }
  else
    {
      for (guint i = 0; i < json_array_get_length (sources); i++)
        {
          const char *id;
          DmSource *source;

          if (!dm_json_array_get_string (sources, i, "sources", where, &id, &error))
            {
              problem_from_error (checker, &error);
              ok = FALSE;
              continue;
            }
          source = g_hash_table_lookup (self->source_ids, id);
          if (source == NULL)
            {
              problem (checker, _("%sthe source “%s” is not defined in “sources”"), where, id);
              ok = FALSE;
              continue;
            }
          g_ptr_array_add (clause->sources, source);
        }
    }

  if (!dm_json_get_object (object, "earlier", DM_JSON_OPTIONAL, where, &earlier, &error))
    {
      problem_from_error (checker, &error);
      ok = FALSE;
    }
  else if (earlier != NULL)
    {
      clause->earlier_proposal = get_string (checker, earlier, "proposal", TRUE, where);
      clause->has_earlier = parse_enum (checker, earlier, "status", dm_status_names,
                                        DM_N_STATUSES, &value, where);
      clause->earlier_status = value;
      ok &= clause->has_earlier;
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
  g_autoptr(GHashTable) cited = g_hash_table_new (NULL, NULL);

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

  for (guint i = 0; i < self->clauses->len; i++)
    {
      DmClause *clause = g_ptr_array_index (self->clauses, i);

      for (guint j = 0; j < clause->sources->len; j++)
        g_hash_table_add (cited, g_ptr_array_index (clause->sources, j));
    }
  for (guint i = 0; i < self->sources->len; i++)
    {
      DmSource *source = g_ptr_array_index (self->sources, i);

      if (!g_hash_table_contains (cited, source))
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
  JsonArray *clauses;
  JsonArray *terms;
  GError *error = NULL;
  gint64 version;

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
  if (!dm_json_get_int (root, "version", DM_JSON_REQUIRED, "", &version, &error))
    problem_from_error (checker, &error);
  else if (version != 1)
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

  if (!dm_json_get_array (root, "other_terms", DM_JSON_OPTIONAL, DM_PROPOSAL_MAX_TERMS, "",
                          &terms, &error))
    problem_from_error (checker, &error);
  else if (terms != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; i < json_array_get_length (terms); i++)
        {
          const char *term;

          if (dm_json_array_get_string (terms, i, "other_terms", "", &term, &error))
            g_strv_builder_add (builder, term);
          else
            problem_from_error (checker, &error);
        }
      self->other_terms = g_strv_builder_end (builder);
    }

  parse_sources (self, checker, root);

  if (!dm_json_get_array (root, "clauses", DM_JSON_REQUIRED, DM_PROPOSAL_MAX_CLAUSES, "",
                          &clauses, &error))
    {
      problem_from_error (checker, &error);
      return;
    }
  for (guint i = 0; i < json_array_get_length (clauses); i++)
    {
      DmClause *clause = parse_clause (self, checker, clauses, i + 1);

      if (clause != NULL)
        g_ptr_array_add (self->clauses, clause);
    }

  if (checker->n_problems == 0)
    check_coverage (self, checker);
}

/* The bundled proposals' text is in the message catalog (listed by
 * tools/extract-proposal-strings.py in data/proposals/proposals-for-
 * translation.c): gettext rather than per-language fields in the JSON, so
 * that translators work in po/ with their usual tools, the catalog's
 * fallback rules apply, and the file format stays one string per field.
 * A string is replaced by its translation once the file has been read
 * and checked in its own words; a user's file keeps its own words except
 * where they are, character for character, a bundled proposal's. */
static void
translate (char **text)
{
  const char *translated;

  /* gettext gives the catalog's header for "". */
  if (*text == NULL || **text == '\0')
    return;
  translated = g_dgettext (GETTEXT_PACKAGE, *text);
  if (translated != *text)
    {
      char *copy = g_strdup (translated);

      g_free (*text);
      *text = copy;
    }
}

static void
translate_texts (DmProposal *self)
{
  translate (&self->title);
  translate (&self->short_title);
  translate (&self->sponsor);
  translate (&self->summary);
  for (guint i = 0; self->other_terms != NULL && self->other_terms[i] != NULL; i++)
    translate (&self->other_terms[i]);
  for (guint i = 0; i < self->sources->len; i++)
    translate (&((DmSource *) g_ptr_array_index (self->sources, i))->detail);
  for (guint i = 0; i < self->clauses->len; i++)
    translate (&((DmClause *) g_ptr_array_index (self->clauses, i))->note);
}

DmProposal *
dm_proposal_new_from_data (const char  *data,
                           gssize       length,
                           const char  *display_name,
                           GError     **error)
{
  g_autoptr(DmProposal) self = g_object_new (DM_TYPE_PROPOSAL, NULL);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) problems = g_string_new (NULL);
  Checker checker = { display_name, problems, 0 };

  root = dm_json_parse_data (data, length < 0 ? strlen (data) : (gsize) length, display_name,
                             error);
  if (root == NULL)
    return NULL;

  parse_root (self, &checker, root);
  {
    /* The format's remaining rules (data/proposals/README.md). */
    g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func (g_free);

    dm_proposal_check_rules (root, display_name, rules);
    for (guint i = 0; i < rules->len; i++)
      problem (&checker, "%s", (const char *) g_ptr_array_index (rules, i));
  }
  if (checker.n_problems > DM_PROPOSAL_MAX_PROBLEMS)
    g_string_append_printf (problems, _("\n%s: … and %u more problems"), display_name,
                            checker.n_problems - DM_PROPOSAL_MAX_PROBLEMS);
  if (checker.n_problems > 0)
    {
      g_set_error_literal (error, DM_ERROR, DM_ERROR_INVALID, problems->str);
      return NULL;
    }
  translate_texts (self);
  return g_steal_pointer (&self);
}

DmProposal *
dm_proposal_new_from_file (const char  *path,
                           GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *data = NULL;
  DmProposal *self;
  gsize length;

  data = dm_json_read_file (path, _("a proposal file"), &length, error);
  if (data == NULL)
    return NULL;

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

  dm_sources_append (s, clause->sources, NULL, NULL);
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
 * a list that cites each source once. The baselines cite "the control-area
 * dataset in use"; with line_credit that source is named as the day's line
 * ("Line of contact: DeepStateMap, 2025-11-20"). */
void
dm_sources_append (GString    *out,
                   GPtrArray  *sources,
                   GHashTable *seen,
                   const char *line_credit)
{
  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      DmSource *source = g_ptr_array_index (sources, i);
      g_autofree char *one = line_credit != NULL &&
                             g_strcmp0 (source->id, "demarcate-control-data") == 0
                             ? g_strdup (line_credit)
                             : source->date ? g_strdup_printf ("%s (%s)", source->outlet,
                                                               source->date)
                             : g_strdup (source->outlet);

      if (seen != NULL && g_hash_table_contains (seen, one))
        continue;
      g_string_append_printf (out, "%s%s", out->len > 0 ? "; " : "", one);
      if (seen != NULL)
        g_hash_table_add (seen, g_steal_pointer (&one));
    }
}
