/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "lode-currency.h"
#include "lode-test.h"

/* lode-cli as a user runs it: the built binary, spawned with arguments and
 * standard input, judged by its exit status and output. Input files are
 * written into a fresh temporary folder for each test. */

#define MINIMAL \
  "{ \"format\": \"lode-portfolio\", \"version\": 1, \"title\": \"Minimal\" }\n"

/* Three export records of 0.10 + 0.20 + 1140000000.25 = 1140000000.55. */
#define THREE_RECORDS \
  "{\n" \
  "  \"format\": \"lode-portfolio\",\n" \
  "  \"version\": 1,\n" \
  "  \"title\": \"Three records\",\n" \
  "  \"sources\": [ { \"id\": \"customs\", \"title\": \"Customs data\" } ],\n" \
  "  \"minerals\": [\n" \
  "    { \"id\": \"copper\", \"name\": \"Copper\", \"group\": \"base-metal\",\n" \
  "      \"reserves\": [ { \"category\": \"indicated\", \"quantity\": 5.9, \"unit\": \"Mt\",\n" \
  "                      \"value_usd\": 1.2e11 } ] },\n" \
  "    { \"id\": \"iron-ore\", \"name\": \"Iron ore\", \"group\": \"ferrous\" }\n" \
  "  ],\n" \
  "  \"exports\": [\n" \
  "    { \"mineral\": \"iron-ore\", \"year\": 2024, \"destination\": \"CN\", \"stage\": \"ore\",\n" \
  "      \"value_usd\": 0.10 },\n" \
  "    { \"mineral\": \"iron-ore\", \"year\": 2025, \"value_usd\": 0.20 },\n" \
  "    { \"mineral\": \"copper\", \"year\": 2025, \"month\": 3, \"destination\": \"CN\",\n" \
  "      \"stage\": \"refined\", \"value_usd\": 1140000000.25, \"source\": \"customs\" }\n" \
  "  ],\n" \
  "  \"projects\": [\n" \
  "    { \"id\": \"saindak\", \"name\": \"Saindak\",\n" \
  "      \"investment_usd\": { \"committed\": 3.5e8, \"disbursed\": 2.0e8 } },\n" \
  "    { \"id\": \"dodar\", \"name\": \"Dodar\", \"investment_usd\": { \"committed\": 100.05 } }\n" \
  "  ],\n" \
  "  \"targets\": [\n" \
  "    { \"id\": \"exports-2030\", \"title\": \"Mineral exports\",\n" \
  "      \"metric\": { \"kind\": \"exports\" },\n" \
  "      \"baseline\": { \"year\": 2025, \"value_usd\": 2.0e9 },\n" \
  "      \"target\": { \"year\": 2030, \"low_usd\": 6.0e9, \"high_usd\": 8.0e9 } }\n" \
  "  ]\n" \
  "}\n"

/* Members Lode does not know, at every level of the format. */
#define UNKNOWN_MEMBERS \
  "{\n" \
  "  \"format\": \"lode-portfolio\",\n" \
  "  \"version\": 1,\n" \
  "  \"title\": \"Unknown members\",\n" \
  "  \"x-top\": { \"nested\": [ 1, \"two\", true, null ] },\n" \
  "  \"sources\": [ { \"id\": \"customs\", \"title\": \"Customs\", \"x-source\": \"kept\" } ],\n" \
  "  \"minerals\": [\n" \
  "    { \"id\": \"copper\", \"name\": \"Copper\", \"group\": \"base-metal\", \"x-mineral\": 42,\n" \
  "      \"reserves\": [ { \"quantity\": 5.9, \"unit\": \"Mt\", \"x-reserve\": [ 1.5, 2.5 ] } ] }\n" \
  "  ],\n" \
  "  \"exports\": [\n" \
  "    { \"mineral\": \"copper\", \"year\": 2025, \"value_usd\": 0.10,\n" \
  "      \"x-export\": { \"customs-ref\": \"A-17\" } },\n" \
  "    { \"mineral\": \"copper\", \"year\": 2024, \"value_usd\": 3 },\n" \
  "    { \"mineral\": \"copper\", \"year\": 2023, \"value_usd\": 4, \"x-export-2\": false }\n" \
  "  ],\n" \
  "  \"projects\": [\n" \
  "    { \"id\": \"saindak\", \"name\": \"Saindak\", \"x-project\": \"p\",\n" \
  "      \"partners\": [ { \"name\": \"MCC\", \"country\": \"CN\", \"x-partner\": { \"k\": \"v\" } } ],\n" \
  "      \"investment_usd\": { \"committed\": 3.5e8, \"x-investment\": 7 } }\n" \
  "  ],\n" \
  "  \"targets\": [\n" \
  "    { \"id\": \"exports-2030\", \"title\": \"Mineral exports\", \"x-target\": \"t\",\n" \
  "      \"metric\": { \"kind\": \"exports\", \"x-metric\": \"m\" },\n" \
  "      \"baseline\": { \"year\": 2025, \"value_usd\": 2.0e9, \"x-baseline\": null },\n" \
  "      \"target\": { \"year\": 2030, \"low_usd\": 6.0e9, \"high_usd\": 8.0e9,\n" \
  "                  \"x-goal\": [ { \"a\": 1 } ] } }\n" \
  "  ]\n" \
  "}\n"

typedef enum
{
  RUN_DEFAULT = 0,
  RUN_LIMIT_FILE_SIZE = 1 << 0,  /* files the child writes may not exceed 64 bytes */
  RUN_STDOUT_FULL = 1 << 1,      /* standard output is /dev/full */
} RunFlags;

typedef struct
{
  int     status;  /* exit status; -1 when killed by a signal */
  GBytes *out;
  char   *out_text;
  char   *err;
} CliRun;

static void
cli_run_clear (CliRun *run)
{
  g_clear_pointer (&run->out, g_bytes_unref);
  g_clear_pointer (&run->out_text, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CliRun, cli_run_clear)

static const char *
cli_path (void)
{
  static char *path;

  if (path == NULL)
    {
      const char *env = g_getenv ("LODE_CLI");

      if (env != NULL)
        path = g_strdup (env);
      else
        path = g_test_build_filename (G_TEST_BUILT, "..", "src", "cli", "lode-cli", NULL);
    }

  return path;
}

static void
limit_file_size (gpointer data)
{
  struct rlimit limit = { 64, 64 };

  /* Writing beyond the limit then fails with EFBIG instead of killing. */
  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize size = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;

  return size > 0 ? g_strndup (data, size) : g_strdup ("");
}

static void
run_cli_argv (CliRun             *run,
              RunFlags            flags,
              const char         *input,
              const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GBytes) stdin_bytes = NULL;
  g_autoptr(GBytes) stderr_bytes = NULL;
  g_autoptr(GError) error = NULL;
  GSubprocessFlags process_flags = G_SUBPROCESS_FLAGS_STDERR_PIPE;

  memset (run, 0, sizeof *run);

  g_ptr_array_add (argv, (char *) cli_path ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  if (input != NULL)
    {
      process_flags |= G_SUBPROCESS_FLAGS_STDIN_PIPE;
      stdin_bytes = g_bytes_new (input, strlen (input));
    }
  if (!(flags & RUN_STDOUT_FULL))
    process_flags |= G_SUBPROCESS_FLAGS_STDOUT_PIPE;

  launcher = g_subprocess_launcher_new (process_flags);
  if (flags & RUN_STDOUT_FULL)
    g_subprocess_launcher_set_stdout_file_path (launcher, "/dev/full");
  if (flags & RUN_LIMIT_FILE_SIZE)
    g_subprocess_launcher_set_child_setup (launcher, limit_file_size, NULL, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_subprocess_communicate (process, stdin_bytes, NULL, &run->out, &stderr_bytes, &error);
  g_assert_no_error (error);

  if (run->out == NULL)
    run->out = g_bytes_new (NULL, 0);
  run->out_text = bytes_to_string (run->out);
  run->err = bytes_to_string (stderr_bytes);
  run->status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;

  if (g_test_verbose ())
    {
      g_autofree char *command = g_strjoinv (" ", (char **) args);

      g_test_message ("lode-cli %s → %d\nstdout: %s\nstderr: %s",
                      command, run->status, run->out_text, run->err);
    }
}

/* Runs lode-cli with the arguments up to NULL. */
G_GNUC_NULL_TERMINATED static void
run_cli (CliRun     *run,
         RunFlags    flags,
         const char *input,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, input);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  run_cli_argv (run, flags, input, (const char * const *) args->pdata);
}

/* Temporary folders */

typedef struct
{
  char *path;
} TmpDir;

static void
tmp_dir_init (TmpDir *tmp)
{
  g_autoptr(GError) error = NULL;

  tmp->path = g_dir_make_tmp ("lode-cli-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
tmp_dir_clear (TmpDir *tmp)
{
  if (tmp->path != NULL)
    lode_test_remove_tree (tmp->path);
  g_clear_pointer (&tmp->path, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TmpDir, tmp_dir_clear)

static char *
tmp_file (TmpDir     *tmp,
          const char *name,
          const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (tmp->path, name, NULL);

  if (contents != NULL)
    {
      g_file_set_contents (path, contents, -1, &error);
      g_assert_no_error (error);
    }

  return path;
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;

  return n;
}

/* JSON */

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (json_parser_get_root (parser));

  return json_node_copy (json_parser_get_root (parser));
}

/* The node at a JSON Pointer of plain names and indices ("/a/0/b"), or
 * NULL. */
static JsonNode *
lookup (JsonNode   *root,
        const char *pointer)
{
  g_auto(GStrv) parts = g_strsplit (pointer + 1, "/", -1);
  JsonNode *node = root;

  g_assert_true (pointer[0] == '/');

  for (guint i = 0; parts[i] != NULL && node != NULL; i++)
    {
      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *object = json_node_get_object (node);

          node = json_object_has_member (object, parts[i])
                 ? json_object_get_member (object, parts[i]) : NULL;
        }
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);
          guint64 index = g_ascii_strtoull (parts[i], NULL, 10);

          node = index < json_array_get_length (array)
                 ? json_array_get_element (array, index) : NULL;
        }
      else
        {
          node = NULL;
        }
    }

  return node;
}

static gint64
lookup_int (JsonNode   *root,
            const char *pointer)
{
  JsonNode *node = lookup (root, pointer);

  g_assert_nonnull (node);
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);

  return json_node_get_int (node);
}

/* An amount in the JSON, in cents. */
static gint64
lookup_cents (JsonNode   *root,
              const char *pointer)
{
  JsonNode *node = lookup (root, pointer);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));

  return (gint64) llround (json_node_get_double (node) * 100.0);
}

static const char *
lookup_string (JsonNode   *root,
               const char *pointer)
{
  JsonNode *node = lookup (root, pointer);

  g_assert_nonnull (node);
  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_STRING);

  return json_node_get_string (node);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';

  return n;
}

static void
assert_usage_error (CliRun *run)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out_text, ==, "");
  g_assert_nonnull (strstr (run->err, "--help"));
}

/* Tests */

static void
test_help (void)
{
  static const char * const commands[] = { "validate", "summary", "compare", "convert", "sample" };

  for (guint i = 0; i < 2; i++)
    {
      g_auto(CliRun) run = { 0 };

      run_cli (&run, RUN_DEFAULT, NULL, i == 0 ? "--help" : "-h", NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
        g_assert_nonnull (strstr (run.out_text, commands[c]));
    }

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      g_autofree char *usage = g_strdup_printf ("lode-cli %s [OPTION", commands[c]);
      g_auto(CliRun) run = { 0 };

      run_cli (&run, RUN_DEFAULT, NULL, commands[c], c % 2 ? "-h" : "--help", NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");
      g_assert_nonnull (strstr (run.out_text, usage));
    }

  {
    g_auto(CliRun) run = { 0 };

    /* summary --help documents the JSON it prints. */
    run_cli (&run, RUN_DEFAULT, NULL, "summary", "--help", NULL);
    g_assert_nonnull (strstr (run.out_text, "--json"));
    g_assert_nonnull (strstr (run.out_text, "\"exports_by_mineral\""));
    g_assert_nonnull (strstr (run.out_text, "\"exports_usd\""));
  }
}

static void
test_version (void)
{
  g_auto(CliRun) run = { 0 };

  run_cli (&run, RUN_DEFAULT, NULL, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out_text, ==, "lode-cli " PACKAGE_VERSION "\n");
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_usage (void)
{
  g_auto(TmpDir) tmp = { 0 };
  g_autofree char *valid = NULL;
  g_autofree char *txt = NULL;

  tmp_dir_init (&tmp);
  valid = tmp_file (&tmp, "valid.json", MINIMAL);
  txt = tmp_file (&tmp, "out.txt", NULL);

  {
    const char * const cases[][7] = {
      { NULL },
      { "frobnicate", NULL },
      { "chart", valid, NULL },
      { "--frobnicate", NULL },
      { "--json", "summary", valid, NULL },
      { "validate", NULL },
      { "validate", "--frobnicate", valid, NULL },
      { "summary", NULL },
      { "summary", valid, valid, NULL },
      { "summary", valid, "--csv", NULL },
      { "summary", "--fiscal-year-start", "0", valid, NULL },
      { "summary", "--fiscal-year-start", "13", valid, NULL },
      { "summary", "--fiscal-year-start", "July", valid, NULL },
      { "summary", "--currency", "pkr", valid, NULL },
      { "summary", "--currency", "XYZ", valid, NULL },
      { "summary", "--currency", "", valid, NULL },
      { "compare", NULL },
      { "compare", valid, "2024", NULL },
      { "compare", valid, "2024", "2025", "2026", NULL },
      { "compare", "--json", "--csv", valid, "2024", NULL },
      { "convert", NULL },
      { "convert", valid, NULL },
      { "convert", valid, valid, valid, NULL },
      { "sample", "a.json", "b.json", NULL },
      { "sample", "--json", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_auto(CliRun) run = { 0 };

        run_cli_argv (&run, RUN_DEFAULT, NULL, cases[i]);
        assert_usage_error (&run);
        /* One line saying what is wrong, one with the hint. */
        g_assert_cmpuint (count_lines (run.err), ==, 2);
      }
  }

  {
    g_auto(CliRun) run = { 0 };

    run_cli (&run, RUN_DEFAULT, NULL, "frobnicate", NULL);
    g_assert_true (g_str_has_prefix (run.err, "lode-cli: "));
    g_assert_nonnull (strstr (run.err, "frobnicate"));
    g_assert_nonnull (strstr (run.err, "Try 'lode-cli --help'."));
  }

  {
    g_auto(CliRun) run = { 0 };

    /* Formats other than JSON are refused before anything is read or
     * written. */
    run_cli (&run, RUN_DEFAULT, NULL, "convert", valid, txt, NULL);
    assert_usage_error (&run);
    g_assert_nonnull (strstr (run.err, "unsupported output format"));
    g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  }

  {
    g_auto(CliRun) run = { 0 };

    run_cli (&run, RUN_DEFAULT, NULL, "sample", txt, NULL);
    assert_usage_error (&run);
    g_assert_nonnull (strstr (run.err, "unsupported output format"));
    g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  }
}

static void
test_validate_ok (void)
{
  g_auto(TmpDir) tmp = { 0 };
  g_autofree char *minimal = NULL;
  g_autofree char *three = NULL;
  g_autofree char *expected = NULL;
  g_auto(CliRun) run = { 0 };

  tmp_dir_init (&tmp);
  minimal = tmp_file (&tmp, "minimal.json", MINIMAL);
  three = tmp_file (&tmp, "three.json", THREE_RECORDS);

  run_cli (&run, RUN_DEFAULT, NULL, "validate", minimal, "--", three, NULL);
  g_assert_cmpint (run.status, ==, 0);
  expected = g_strdup_printf ("%s: ok\n%s: ok\n", minimal, three);
  g_assert_cmpstr (run.out_text, ==, expected);
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_validate_stdin (void)
{
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) bad = { 0 };

  run_cli (&run, RUN_DEFAULT, THREE_RECORDS, "validate", "-", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out_text, ==, "<stdin>: ok\n");

  run_cli (&bad, RUN_DEFAULT, "{", "validate", "-", NULL);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_true (g_str_has_prefix (bad.err, "<stdin>:1:"));
}

static void
test_validate_syntax (void)
{
  g_auto(TmpDir) tmp = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *empty_prefix = NULL;
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) run_empty = { 0 };

  tmp_dir_init (&tmp);
  /* The '@' is on line 3, column 14. */
  path = tmp_file (&tmp, "syntax.json",
                   "{\n"
                   "  \"format\": \"lode-portfolio\",\n"
                   "  \"version\": @,\n"
                   "  \"title\": \"x\"\n"
                   "}\n");
  empty = tmp_file (&tmp, "empty.json", "");

  run_cli (&run, RUN_DEFAULT, NULL, "validate", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out_text, ==, "");
  prefix = g_strdup_printf ("%s:3:14: ", path);
  g_assert_true (g_str_has_prefix (run.err, prefix));
  g_assert_true (g_str_has_suffix (run.err, "\n"));

  run_cli (&run_empty, RUN_DEFAULT, NULL, "validate", empty, NULL);
  g_assert_cmpint (run_empty.status, ==, 1);
  empty_prefix = g_strdup_printf ("%s:1:1: ", empty);
  g_assert_true (g_str_has_prefix (run_empty.err, empty_prefix));
}

static void
test_validate_pointer (void)
{
  g_auto(TmpDir) tmp = { 0 };
  g_autofree char *path = NULL;
  g_autoptr(GString) text = g_string_new (THREE_RECORDS);
  g_auto(GStrv) lines = NULL;
  g_autofree char *value_error = NULL;
  g_autofree char *group_error = NULL;
  g_auto(CliRun) run = { 0 };

  /* Two mistakes: a negative amount in the second record and a mineral
   * group that does not exist. */
  g_assert_cmpuint (g_string_replace (text, "\"value_usd\": 0.20", "\"value_usd\": -0.20", 0), ==, 1);
  g_assert_cmpuint (g_string_replace (text, "\"group\": \"ferrous\"", "\"group\": \"shiny\"", 0), ==, 1);

  tmp_dir_init (&tmp);
  path = tmp_file (&tmp, "invalid.json", text->str);

  run_cli (&run, RUN_DEFAULT, NULL, "validate", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out_text, ==, "");

  value_error = g_strdup_printf ("%s: /exports/1/value_usd: ", path);
  group_error = g_strdup_printf ("%s: /minerals/1/group: ", path);
  g_assert_nonnull (strstr (run.err, value_error));
  g_assert_nonnull (strstr (run.err, group_error));

  /* Each line names the file and a place. */
  lines = g_strsplit (run.err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 3);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_autofree char *file_prefix = g_strdup_printf ("%s: /", path);

      g_assert_true (g_str_has_prefix (lines[i], file_prefix));
    }
}

static void
test_validate_keeps_going (void)
{
  g_auto(TmpDir) tmp = { 0 };
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *missing_prefix = NULL;
  g_auto(CliRun) run = { 0 };

  tmp_dir_init (&tmp);
  good = tmp_file (&tmp, "good.json", MINIMAL);
  bad = tmp_file (&tmp, "bad.json", "{ \"format\": \"lode-portfolio\", \"version\": 1 }\n");
  missing = tmp_file (&tmp, "missing.json", NULL);

  run_cli (&run, RUN_DEFAULT, NULL, "validate", bad, missing, tmp.path, good, NULL);
  g_assert_cmpint (run.status, ==, 1);

  /* The good file after the bad ones is still checked. */
  expected = g_strdup_printf ("%s: ok\n", good);
  g_assert_cmpstr (run.out_text, ==, expected);

  g_assert_true (g_str_has_prefix (run.err, bad));
  g_assert_nonnull (strstr (run.err, "/title"));
  missing_prefix = g_strdup_printf ("\n%s: ", missing);
  g_assert_nonnull (strstr (run.err, missing_prefix));
  g_assert_nonnull (strstr (run.err, tmp.path));
}

/* The fixtures of the test suite: valid ones load, the others fail with the
 * place of the mistake. */
static void
test_validate_fixtures (void)
{
  static const struct
  {
    const char *folder;
    int         status;
  } kinds[] = {
    { "valid", 0 },
    { "invalid", 1 },
    { "syntax", 1 },
  };
  const char *root = g_getenv ("LODE_SOURCE_ROOT");
  guint n_files = 0;

  if (root == NULL)
    {
      g_test_skip ("LODE_SOURCE_ROOT is not set");
      return;
    }

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *folder = g_build_filename (root, "tests", "fixtures", kinds[k].folder, NULL);
      g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = NULL;
          g_autoptr(GRegex) place = NULL;
          g_auto(CliRun) run = { 0 };

          if (!g_str_has_suffix (name, ".json"))
            continue;

          path = g_build_filename (folder, name, NULL);
          run_cli (&run, RUN_DEFAULT, NULL, "validate", path, NULL);
          n_files++;

          /* Reports each fixture that fails and goes on with the others. */
          if (run.status != kinds[k].status)
            {
              g_test_fail_printf ("%s: exit status %d, not %d: %s",
                                  path, run.status, kinds[k].status, run.err);
              continue;
            }

          if (kinds[k].status == 0)
            continue;

          place = g_regex_new (g_str_equal (kinds[k].folder, "syntax") ? "^:[0-9]+:[0-9]+: " : "^: ",
                               0, 0, NULL);
          if (!g_str_has_prefix (run.err, path) ||
              !g_regex_match (place, run.err + strlen (path), 0, NULL))
            g_test_fail_printf ("%s: the message does not name the file and the place: %s",
                                path, run.err);
        }
    }

  if (n_files == 0)
    g_test_skip ("no fixtures");
}

static void
test_summary_text (void)
{
  g_auto(TmpDir) tmp = { 0 };
  g_autofree char *path = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean found_records = FALSE;
  g_auto(CliRun) run = { 0 };

  tmp_dir_init (&tmp);
  path = tmp_file (&tmp, "three.json", THREE_RECORDS);

  run_cli (&run, RUN_DEFAULT, NULL, "summary", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out_text, "Three records\n"));

  /* The exact total, and the groups. */
  g_assert_nonnull (strstr (run.out_text, "$1,140,000,000.55"));
  g_assert_nonnull (strstr (run.out_text, "$1,140,000,000.25"));
  g_assert_nonnull (strstr (run.out_text, "$1,140,000,000.45"));
  g_assert_nonnull (strstr (run.out_text, "$350,000,100.05"));
  g_assert_nonnull (strstr (run.out_text, "Iron ore"));
  g_assert_nonnull (strstr (run.out_text, "Exports by mineral"));
  g_assert_nonnull (strstr (run.out_text, "Exports by year"));
  g_assert_nonnull (strstr (run.out_text, "Exports by destination"));
  g_assert_nonnull (strstr (run.out_text, "Exports by stage"));

  lines = g_strsplit (run.out_text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      /* No line ends in blanks left over from the alignment. */
      g_assert_false (g_str_has_suffix (lines[i], " "));
      if (g_str_has_prefix (lines[i], "Export records"))
        {
          g_assert_true (g_str_has_suffix (lines[i], " 3"));
          found_records = TRUE;
        }
    }
  g_assert_true (found_records);
}

static void
test_summary_json (void)
{
  g_auto(TmpDir) tmp = { 0 };
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(CliRun) run = { 0 };

  tmp_dir_init (&tmp);
  path = tmp_file (&tmp, "three.json", THREE_RECORDS);

  run_cli (&run, RUN_DEFAULT, NULL, "summary", "--json", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_suffix (run.out_text, "}\n"));

  /* Written as the exact decimal, not a rounded double. */
  g_assert_nonnull (strstr (run.out_text, "\"exports_usd\": 1140000000.55"));

  root = parse_json (run.out_text);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  g_assert_cmpstr (lookup_string (root, "/file"), ==, path);
  g_assert_cmpstr (lookup_string (root, "/title"), ==, "Three records");
  g_assert_null (lookup_string (root, "/description"));
  g_assert_cmpstr (lookup_string (root, "/currency"), ==, "USD");

  g_assert_cmpint (lookup_int (root, "/counts/sources"), ==, 1);
  g_assert_cmpint (lookup_int (root, "/counts/minerals"), ==, 2);
  g_assert_cmpint (lookup_int (root, "/counts/projects"), ==, 2);
  g_assert_cmpint (lookup_int (root, "/counts/targets"), ==, 1);
  g_assert_cmpint (lookup_int (root, "/counts/exports"), ==, 3);

  g_assert_cmpint (lookup_cents (root, "/exports_usd"), ==, G_GINT64_CONSTANT (114000000055));
  g_assert_cmpint (lookup_cents (root, "/reserves_usd"), ==, G_GINT64_CONSTANT (12000000000000));
  g_assert_cmpint (lookup_cents (root, "/investment_usd/committed"), ==, G_GINT64_CONSTANT (35000010005));
  g_assert_cmpint (lookup_cents (root, "/investment_usd/disbursed"), ==, G_GINT64_CONSTANT (20000000000));

  /* Largest first. */
  g_assert_cmpuint (json_array_get_length (json_node_get_array (lookup (root, "/exports_by_mineral"))), ==, 2);
  g_assert_cmpstr (lookup_string (root, "/exports_by_mineral/0/mineral"), ==, "copper");
  g_assert_cmpstr (lookup_string (root, "/exports_by_mineral/0/name"), ==, "Copper");
  g_assert_cmpint (lookup_int (root, "/exports_by_mineral/0/records"), ==, 1);
  g_assert_cmpint (lookup_cents (root, "/exports_by_mineral/0/value_usd"), ==, G_GINT64_CONSTANT (114000000025));
  g_assert_cmpstr (lookup_string (root, "/exports_by_mineral/1/mineral"), ==, "iron-ore");
  g_assert_cmpstr (lookup_string (root, "/exports_by_mineral/1/name"), ==, "Iron ore");
  g_assert_cmpint (lookup_int (root, "/exports_by_mineral/1/records"), ==, 2);
  g_assert_cmpint (lookup_cents (root, "/exports_by_mineral/1/value_usd"), ==, 30);

  /* Oldest first. */
  g_assert_cmpuint (json_array_get_length (json_node_get_array (lookup (root, "/exports_by_year"))), ==, 2);
  g_assert_cmpint (lookup_int (root, "/exports_by_year/0/year"), ==, 2024);
  g_assert_cmpint (lookup_int (root, "/exports_by_year/0/records"), ==, 1);
  g_assert_cmpint (lookup_cents (root, "/exports_by_year/0/value_usd"), ==, 10);
  g_assert_cmpint (lookup_int (root, "/exports_by_year/1/year"), ==, 2025);
  g_assert_cmpint (lookup_int (root, "/exports_by_year/1/records"), ==, 2);
  g_assert_cmpint (lookup_cents (root, "/exports_by_year/1/value_usd"), ==, G_GINT64_CONSTANT (114000000045));

  /* A record without destination or stage counts as null. */
  g_assert_cmpuint (json_array_get_length (json_node_get_array (lookup (root, "/exports_by_destination"))), ==, 2);
  g_assert_cmpstr (lookup_string (root, "/exports_by_destination/0/destination"), ==, "CN");
  g_assert_cmpint (lookup_int (root, "/exports_by_destination/0/records"), ==, 2);
  g_assert_cmpint (lookup_cents (root, "/exports_by_destination/0/value_usd"), ==, G_GINT64_CONSTANT (114000000035));
  g_assert_null (lookup_string (root, "/exports_by_destination/1/destination"));
  g_assert_cmpint (lookup_cents (root, "/exports_by_destination/1/value_usd"), ==, 20);

  g_assert_cmpuint (json_array_get_length (json_node_get_array (lookup (root, "/exports_by_stage"))), ==, 3);
  g_assert_cmpstr (lookup_string (root, "/exports_by_stage/0/stage"), ==, "refined");
  g_assert_cmpint (lookup_cents (root, "/exports_by_stage/0/value_usd"), ==, G_GINT64_CONSTANT (114000000025));
  g_assert_null (lookup_string (root, "/exports_by_stage/1/stage"));
  g_assert_cmpint (lookup_cents (root, "/exports_by_stage/1/value_usd"), ==, 20);
  g_assert_cmpstr (lookup_string (root, "/exports_by_stage/2/stage"), ==, "ore");
  g_assert_cmpint (lookup_cents (root, "/exports_by_stage/2/value_usd"), ==, 10);
}

/* An MoU, a commitment, a first disbursement and a withdrawal of another
 * investor, with production and a national figure. */
static const char INVESTMENTS[] =
  "{ \"format\": \"lode-portfolio\", \"version\": 1, \"title\": \"Deals\",\n"
  "  \"sources\": [ { \"id\": \"dunya\", \"title\": \"Forum\", \"publisher\": \"Dunya News\" } ],\n"
  "  \"minerals\": [ { \"id\": \"copper\", \"name\": \"Copper\", \"group\": \"base-metal\" } ],\n"
  "  \"projects\": [ { \"id\": \"reko-diq\", \"name\": \"Reko Diq\",\n"
  "                    \"investment_usd\": { \"committed\": 999 } },\n"
  "                  { \"id\": \"thar\", \"name\": \"Thar\",\n"
  "                    \"investment_usd\": { \"committed\": 7, \"disbursed\": 3 } } ],\n"
  "  \"investments\": [\n"
  "    { \"project\": \"reko-diq\", \"investor_country\": \"CN\", \"kind\": \"announced\",\n"
  "      \"value_usd\": 500, \"date\": \"2025-01\" },\n"
  "    { \"project\": \"reko-diq\", \"investor_country\": \"CN\", \"kind\": \"committed\",\n"
  "      \"value_usd\": 400.25, \"date\": \"2025-09-26\" },\n"
  "    { \"project\": \"reko-diq\", \"investor_country\": \"CN\", \"kind\": \"disbursed\",\n"
  "      \"value_usd\": 100, \"date\": \"2026\" },\n"
  "    { \"investor_country\": \"SA\", \"kind\": \"committed\", \"value_usd\": 60, \"date\": \"2026\" },\n"
  "    { \"investor_country\": \"SA\", \"kind\": \"withdrawn\", \"value_usd\": 10, \"date\": \"2026\" } ],\n"
  "  \"production\": [ { \"mineral\": \"copper\", \"year\": 2024, \"quantity\": 12.5, \"unit\": \"kt\" } ],\n"
  "  \"national_figures\": [ { \"kind\": \"bilateral-trade\", \"country\": \"CN\", \"year\": 2024,\n"
  "      \"value_usd\": 23100000000, \"change\": 0.111, \"source\": \"dunya\" } ] }\n";

static void
test_summary_investment (void)
{
  g_auto(TmpDir) tmp = { 0 };
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(CliRun) text = { 0 };
  g_auto(CliRun) json = { 0 };

  tmp_dir_init (&tmp);
  path = tmp_file (&tmp, "deals.json", INVESTMENTS);

  run_cli (&text, RUN_DEFAULT, NULL, "summary", path, NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out_text, "Investment by kind"));
  g_assert_nonnull (strstr (text.out_text, "Investment by year"));
  g_assert_nonnull (strstr (text.out_text, "Investment by investor country"));
  g_assert_nonnull (strstr (text.out_text, "Production"));
  g_assert_nonnull (strstr (text.out_text, "12.5 kt"));
  g_assert_nonnull (strstr (text.out_text, "National figures"));
  g_assert_nonnull (strstr (text.out_text, "+11.1%"));
  g_assert_nonnull (strstr (text.out_text, "Dunya News"));

  run_cli (&json, RUN_DEFAULT, NULL, "summary", "--json", path, NULL);
  g_assert_cmpint (json.status, ==, 0);
  root = parse_json (json.out_text);

  g_assert_cmpint (lookup_int (root, "/counts/investments"), ==, 5);
  g_assert_cmpint (lookup_int (root, "/counts/production"), ==, 1);
  g_assert_cmpint (lookup_int (root, "/counts/national_figures"), ==, 1);

  /* Reko Diq's events replace its stored 999; Thar keeps its figures;
   * the investment of no project counts, less its withdrawal. */
  g_assert_cmpint (lookup_cents (root, "/investment_usd/committed"), ==, 40025 + 700 + 5000);
  g_assert_cmpint (lookup_cents (root, "/investment_usd/disbursed"), ==, 10000 + 300);

  g_assert_cmpint (lookup_cents (root, "/investment_by_kind/announced_usd"), ==, 50000);
  g_assert_cmpint (lookup_cents (root, "/investment_by_kind/committed_usd"), ==, 40025 + 5000);
  g_assert_cmpint (lookup_cents (root, "/investment_by_kind/withdrawn_usd"), ==, 1000);

  g_assert_cmpint (lookup_int (root, "/investment_by_year/0/year"), ==, 2025);
  g_assert_cmpint (lookup_cents (root, "/investment_by_year/0/committed_usd"), ==, 40025);
  g_assert_cmpint (lookup_int (root, "/investment_by_year/1/year"), ==, 2026);
  g_assert_cmpint (lookup_cents (root, "/investment_by_year/1/disbursed_usd"), ==, 10000);

  /* The most committed first. */
  g_assert_cmpstr (lookup_string (root, "/investment_by_investor_country/0/country"), ==, "CN");
  g_assert_cmpstr (lookup_string (root, "/investment_by_investor_country/1/country"), ==, "SA");
  g_assert_cmpint (lookup_cents (root, "/investment_by_investor_country/1/committed_usd"), ==, 5000);

  g_assert_cmpstr (lookup_string (root, "/production/0/unit"), ==, "kt");
  g_assert_cmpstr (lookup_string (root, "/national_figures/0/kind"), ==, "bilateral-trade");
  g_assert_cmpstr (lookup_string (root, "/national_figures/0/source_publisher"), ==, "Dunya News");
  g_assert_cmpfloat (json_node_get_double (lookup (root, "/national_figures/0/change")), ==, 0.111);
}

/* Of a file of before, the text has no section of the new lists. */
static void
test_summary_without_investment (void)
{
  g_auto(TmpDir) tmp = { 0 };
  g_autofree char *path = NULL;
  g_auto(CliRun) run = { 0 };

  tmp_dir_init (&tmp);
  path = tmp_file (&tmp, "three.json", THREE_RECORDS);

  run_cli (&run, RUN_DEFAULT, NULL, "summary", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strstr (run.out_text, "Investment by"));
  g_assert_null (strstr (run.out_text, "Production"));
  g_assert_null (strstr (run.out_text, "National figures"));
}

static void
test_summary_errors (void)
{
  g_auto(TmpDir) tmp = { 0 };
  g_autofree char *bad = NULL;
  g_autofree char *missing = NULL;
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) run_missing = { 0 };

  tmp_dir_init (&tmp);
  bad = tmp_file (&tmp, "bad.json", "{ \"format\": \"lode-portfolio\", \"version\": 99, \"title\": \"x\" }");
  missing = tmp_file (&tmp, "missing.json", NULL);

  run_cli (&run, RUN_DEFAULT, NULL, "summary", "--json", bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out_text, ==, "");
  g_assert_true (g_str_has_prefix (run.err, bad));

  run_cli (&run_missing, RUN_DEFAULT, NULL, "summary", missing, NULL);
  g_assert_cmpint (run_missing.status, ==, 1);
  g_assert_cmpstr (run_missing.out_text, ==, "");
  g_assert_true (g_str_has_prefix (run_missing.err, missing));
}

/* The investment and the national figures in rupees too: each event at
 * the rate of its date, committed net of withdrawals, exact and rounded
 * once; 2022 has no rate, and a figure of no year stays in dollars. */
static void
test_summary_currency_investment (void)
{
  g_auto(TmpDir) tmp = { 0 };
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) run_json = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *path = NULL;
  const char *text =
    "{ \"format\": \"lode-portfolio\", \"version\": 1, \"title\": \"Rupees\",\n"
    "  \"investments\": [\n"
    "    { \"kind\": \"committed\", \"value_usd\": 1000000.07, \"date\": \"2024-05\" },\n"
    "    { \"kind\": \"committed\", \"value_usd\": 500.03, \"date\": \"2022\" },\n"
    "    { \"kind\": \"withdrawn\", \"value_usd\": 200000.01, \"date\": \"2025-03-31\" } ],\n"
    "  \"national_figures\": [\n"
    "    { \"kind\": \"mineral-exports\", \"year\": 2024, \"value_usd\": 2000000.05 },\n"
    "    { \"kind\": \"reserve-value\", \"value_usd\": 7000000 } ],\n"
    "  \"exchange_rates\": [\n"
    "    { \"currency\": \"PKR\", \"year\": 2024, \"units_per_usd\": \"278.831299\" },\n"
    "    { \"currency\": \"PKR\", \"year\": 2025, \"month\": 3, \"units_per_usd\": \"281.507777\" } ] }\n";
  /* 100000007 cents at 278.831299 less 20000001 at 281.507777. */
  const gint64 committed = (gint64) (((__int128) 100000007 * 278831299 - (__int128) 20000001 * 281507777 +
                                      LODE_RATE_SCALE / 2) / LODE_RATE_SCALE);
  const gint64 figure = (gint64) (((__int128) 200000005 * 278831299 + LODE_RATE_SCALE / 2) / LODE_RATE_SCALE);
  g_autofree char *committed_text = lode_amount_format_full ("PKR", committed);

  tmp_dir_init (&tmp);
  path = tmp_file (&tmp, "rupees.json", text);

  run_cli (&run, RUN_DEFAULT, NULL, "summary", "--currency", "PKR", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out_text, "Investment and national figures in PKR"));
  g_assert_nonnull (strstr (run.out_text, committed_text));
  g_assert_nonnull (strstr (run.out_text, "(no year, in US dollars)"));
  g_assert_nonnull (strstr (run.out_text, "No PKR rate for 2022: those amounts are left out."));

  run_cli (&run_json, RUN_DEFAULT, NULL, "summary", "--json", "--currency", "PKR", path, NULL);
  g_assert_cmpint (run_json.status, ==, 0);
  root = parse_json (run_json.out_text);
  g_assert_cmpint (lookup_cents (root, "/in_currency/investment/committed/value"), ==, committed);
  g_assert_cmpint (lookup_int (root, "/in_currency/investment/committed/records_without_rate"), ==, 1);
  g_assert_cmpint (lookup_cents (root, "/in_currency/investment/committed/value_usd_without_rate"), ==, 50003);
  g_assert_cmpint (lookup_int (root, "/in_currency/investment/missing_rates/0"), ==, 2022);
  g_assert_cmpint (lookup_cents (root, "/in_currency/national_figures/figures/0/value"), ==, figure);
  g_assert_true (JSON_NODE_HOLDS_NULL (lookup (root, "/in_currency/national_figures/figures/1/value")));
  g_assert_cmpint (lookup_cents (root, "/in_currency/national_figures/figures/1/value_usd"), ==, 700000000);
}

/* The exports in rupees of a fixture with yearly, monthly and fiscal-year
 * rates: FY2023-24 holds June 2024 at the 2024 rate; FY2024-25 July 2024
 * at July's rate and the fiscal year 2024 at its own; the calendar year
 * 2023 has no rate, and is said. */
static void
test_summary_currency (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "valid",
                                                 "exchange-rates.json", NULL);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) usd = NULL;
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) run_json = { 0 };
  g_auto(CliRun) run_usd = { 0 };
  g_auto(CliRun) run_plain = { 0 };

  run_cli (&run, RUN_DEFAULT, NULL, "summary", "--currency", "PKR", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out_text, "Exports in PKR (Pakistan Rupee)"));
  g_assert_nonnull (strstr (run.out_text, "PKR\u00a0362,723.16"));
  g_assert_nonnull (strstr (run.out_text, "PKR\u00a0334,773.46"));
  g_assert_nonnull (strstr (run.out_text,
                            "No PKR rate for 2023: 1 record ($900) is left out of the amounts."));

  run_cli (&run_json, RUN_DEFAULT, NULL, "summary", "--json", "--currency", "PKR", path, NULL);
  g_assert_cmpint (run_json.status, ==, 0);
  root = parse_json (run_json.out_text);
  g_assert_cmpstr (lookup_string (root, "/currency"), ==, "USD");
  g_assert_cmpstr (lookup_string (root, "/in_currency/currency"), ==, "PKR");
  g_assert_cmpint (lookup_int (root, "/in_currency/exports/records"), ==, 4);
  g_assert_cmpint (lookup_cents (root, "/in_currency/exports/value"), ==, 36272316);
  g_assert_cmpint (lookup_int (root, "/in_currency/exports/records_without_rate"), ==, 1);
  g_assert_cmpint (lookup_cents (root, "/in_currency/exports/value_usd_without_rate"), ==, 90000);
  g_assert_cmpstr (lookup_string (root, "/in_currency/exports_by_year/0/fiscal_year"), ==, "FY2023-24");
  g_assert_cmpint (lookup_cents (root, "/in_currency/exports_by_year/0/value"), ==, 2794970);
  g_assert_cmpint (lookup_cents (root, "/in_currency/exports_by_year/1/value"), ==, 33477346);
  g_assert_cmpint (lookup_int (root, "/in_currency/exports_by_year/1/records"), ==, 2);
  g_assert_cmpstr (lookup_string (root, "/in_currency/exports_by_mineral/0/mineral"), ==, "copper");
  g_assert_cmpuint (json_array_get_length (json_node_get_array (lookup (root, "/in_currency/missing_rates"))), ==, 1);
  g_assert_cmpint (lookup_int (root, "/in_currency/missing_rates/0"), ==, 2023);

  /* In dollars every record has its rate, and the amounts are the
   * stored ones. */
  run_cli (&run_usd, RUN_DEFAULT, NULL, "summary", "--json", "--currency", "USD", path, NULL);
  g_assert_cmpint (run_usd.status, ==, 0);
  usd = parse_json (run_usd.out_text);
  g_assert_cmpint (lookup_cents (usd, "/in_currency/exports/value"), ==,
                   lookup_cents (usd, "/exports_usd"));
  g_assert_cmpint (lookup_int (usd, "/in_currency/exports/records_without_rate"), ==, 0);

  /* Without the option, nothing of it. */
  run_cli (&run_plain, RUN_DEFAULT, NULL, "summary", "--json", path, NULL);
  g_assert_null (strstr (run_plain.out_text, "in_currency"));

  /* By calendar year, the record of FY2024-25 is in none, and said. */
  {
    g_auto(CliRun) run_calendar = { 0 };
    g_autoptr(JsonNode) calendar = NULL;

    run_cli (&run_calendar, RUN_DEFAULT, NULL, "summary", "--json", "--fiscal-year-start", "1",
             path, NULL);
    g_assert_cmpint (run_calendar.status, ==, 0);
    calendar = parse_json (run_calendar.out_text);
    g_assert_cmpint (lookup_int (calendar, "/exports_by_year/0/year"), ==, 2023);
    g_assert_cmpint (lookup_int (calendar, "/exports_by_year/1/year"), ==, 2024);
    g_assert_cmpint (lookup_cents (calendar, "/exports_by_year/1/value_usd"), ==, 30025);
    g_assert_cmpint (lookup_int (calendar, "/exports_unplaced/records"), ==, 1);
    g_assert_cmpint (lookup_cents (calendar, "/exports_unplaced/value_usd"), ==, 100000);
  }
}

/* Two fiscal years in rupees: every record in them has a rate. Two
 * calendar years: 2023 has none, and its side has no value. */
static void
test_compare_currency (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "valid",
                                                 "exchange-rates.json", NULL);
  g_autoptr(JsonNode) fiscal = NULL;
  g_autoptr(JsonNode) calendar = NULL;
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) run_fiscal = { 0 };
  g_auto(CliRun) run_calendar = { 0 };
  g_auto(CliRun) run_csv = { 0 };

  run_cli (&run_fiscal, RUN_DEFAULT, NULL, "compare", "--json", "--currency", "PKR", path,
           "FY2023-24", "FY2024-25", NULL);
  g_assert_cmpint (run_fiscal.status, ==, 0);
  fiscal = parse_json (run_fiscal.out_text);
  g_assert_cmpstr (lookup_string (fiscal, "/currency"), ==, "PKR");
  g_assert_cmpint (lookup_cents (fiscal, "/exports/first/value"), ==, 2794970);
  g_assert_cmpint (lookup_cents (fiscal, "/exports/second/value"), ==, 33477346);
  g_assert_cmpint (lookup_int (fiscal, "/exports/second/records_without_rate"), ==, 0);
  g_assert_cmpint (lookup_cents (fiscal, "/by_mineral/0/second/value"), ==, 33477346);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (lookup (fiscal, "/missing_rates"))), ==, 0);

  run_cli (&run_calendar, RUN_DEFAULT, NULL, "compare", "--json", "--currency", "PKR", path,
           "2023", "2024", NULL);
  g_assert_cmpint (run_calendar.status, ==, 0);
  calendar = parse_json (run_calendar.out_text);
  g_assert_true (JSON_NODE_HOLDS_NULL (lookup (calendar, "/exports/first/value")));
  g_assert_cmpint (lookup_int (calendar, "/exports/first/records_without_rate"), ==, 1);
  g_assert_cmpint (lookup_cents (calendar, "/exports/second/value"), ==, 8359970);
  g_assert_cmpint (lookup_int (calendar, "/missing_rates/0"), ==, 2023);

  run_cli (&run, RUN_DEFAULT, NULL, "compare", "--currency", "PKR", path, "2023", "2024", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out_text, "Exports in PKR"));
  g_assert_nonnull (strstr (run.out_text, "PKR\u00a083,599.70"));
  g_assert_nonnull (strstr (run.out_text, "No PKR rate for 2023"));

  run_cli (&run_csv, RUN_DEFAULT, NULL, "compare", "--csv", "--currency", "PKR", path,
           "2023", "2024", NULL);
  assert_usage_error (&run_csv);
}

static void
test_summary_fiscal (void)
{
  g_auto(TmpDir) tmp = { 0 };
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) calendar = NULL;
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) run_json = { 0 };
  g_auto(CliRun) run_calendar = { 0 };

  tmp_dir_init (&tmp);
  path = tmp_file (&tmp, "three.json", THREE_RECORDS);

  /* March 2025 is in FY2024-25; the two records of whole years are in
   * none, and said. */
  run_cli (&run, RUN_DEFAULT, NULL, "summary", "--fiscal-year-start", "7", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out_text, "Exports by fiscal year"));
  g_assert_null (strstr (run.out_text, "Exports by year"));
  g_assert_nonnull (strstr (run.out_text, "FY2024-25"));
  g_assert_nonnull (strstr (run.out_text, "2 records of a whole year ($0.30) are in no fiscal year"));

  run_cli (&run_json, RUN_DEFAULT, NULL, "summary", "--json", "--fiscal-year-start", "7", path, NULL);
  g_assert_cmpint (run_json.status, ==, 0);
  root = parse_json (run_json.out_text);
  g_assert_cmpint (lookup_int (root, "/fiscal_year_start"), ==, 7);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (lookup (root, "/exports_by_year"))), ==, 1);
  g_assert_cmpstr (lookup_string (root, "/exports_by_year/0/fiscal_year"), ==, "FY2024-25");
  g_assert_cmpint (lookup_int (root, "/exports_by_year/0/first_year"), ==, 2024);
  g_assert_cmpint (lookup_int (root, "/exports_by_year/0/records"), ==, 1);
  g_assert_cmpint (lookup_cents (root, "/exports_by_year/0/value_usd"), ==, G_GINT64_CONSTANT (114000000025));
  g_assert_cmpint (lookup_int (root, "/exports_unplaced/records"), ==, 2);
  g_assert_cmpint (lookup_cents (root, "/exports_unplaced/value_usd"), ==, 30);

  /* The portfolio's own setting is the default; the option overrides it. */
  {
    g_autofree char *fiscal = NULL;
    g_autofree char *fiscal_path = NULL;
    g_auto(CliRun) run_default = { 0 };
    g_autoptr(JsonNode) by_default = NULL;

    fiscal = g_strdup (THREE_RECORDS);
    fiscal_path = tmp_file (&tmp, "fiscal.json", NULL);
    {
      g_autoptr(GString) text = g_string_new (fiscal);
      g_autoptr(GError) error = NULL;

      g_string_replace (text, "\"version\": 1,", "\"version\": 1, \"fiscal_year_start\": 7,", 1);
      g_file_set_contents (fiscal_path, text->str, -1, &error);
      g_assert_no_error (error);
    }

    run_cli (&run_default, RUN_DEFAULT, NULL, "summary", "--json", fiscal_path, NULL);
    g_assert_cmpint (run_default.status, ==, 0);
    by_default = parse_json (run_default.out_text);
    g_assert_cmpint (lookup_int (by_default, "/fiscal_year_start"), ==, 7);
    g_assert_cmpstr (lookup_string (by_default, "/exports_by_year/0/fiscal_year"), ==, "FY2024-25");

    run_cli (&run_calendar, RUN_DEFAULT, NULL, "summary", "--json", "--fiscal-year-start", "1",
             fiscal_path, NULL);
    g_assert_cmpint (run_calendar.status, ==, 0);
    calendar = parse_json (run_calendar.out_text);
    g_assert_cmpint (lookup_int (calendar, "/fiscal_year_start"), ==, 1);
    g_assert_cmpint (lookup_int (calendar, "/exports_by_year/0/year"), ==, 2024);
    g_assert_null (lookup (calendar, "/exports_unplaced"));
  }
}

static void
test_compare_text (void)
{
  g_auto(TmpDir) tmp = { 0 };
  g_autofree char *path = NULL;
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) run_fiscal = { 0 };

  tmp_dir_init (&tmp);
  path = tmp_file (&tmp, "three.json", THREE_RECORDS);

  run_cli (&run, RUN_DEFAULT, NULL, "compare", path, "2024", "2025", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out_text, "Three records\n"));
  /* 0.10 in 2024, 0.20 + 1140000000.25 in 2025. */
  g_assert_nonnull (strstr (run.out_text, "$0.10"));
  g_assert_nonnull (strstr (run.out_text, "$1,140,000,000.45"));
  g_assert_nonnull (strstr (run.out_text, "+$1,140,000,000.35"));
  g_assert_nonnull (strstr (run.out_text, "By mineral"));
  g_assert_nonnull (strstr (run.out_text, "By destination"));
  g_assert_nonnull (strstr (run.out_text, "By stage"));
  g_assert_nonnull (strstr (run.out_text, "By HS code"));
  g_assert_nonnull (strstr (run.out_text, "+100.0%"));   /* iron ore, 0.10 → 0.20 */

  run_cli (&run_fiscal, RUN_DEFAULT, NULL, "compare", "--fiscal-year-start", "7",
           path, "FY2023-24", "2024-25", NULL);
  g_assert_cmpint (run_fiscal.status, ==, 0);
  g_assert_nonnull (strstr (run_fiscal.out_text, "FY2023-24"));
  g_assert_nonnull (strstr (run_fiscal.out_text, "FY2024-25"));
  g_assert_nonnull (strstr (run_fiscal.out_text,
                            "1 record of a whole year ($0.10) overlaps FY2023-24 and is not counted in it"));
  g_assert_nonnull (strstr (run_fiscal.out_text,
                            "2 records of a whole year ($0.30) overlap FY2024-25 and are not counted in it"));
}

static void
test_compare_json (void)
{
  g_auto(TmpDir) tmp = { 0 };
  g_autofree char *path = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(CliRun) run = { 0 };

  tmp_dir_init (&tmp);
  path = tmp_file (&tmp, "three.json", THREE_RECORDS);

  run_cli (&run, RUN_DEFAULT, NULL, "compare", "--json", path, "2024", "2025", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  root = parse_json (run.out_text);

  g_assert_cmpstr (lookup_string (root, "/file"), ==, path);
  g_assert_cmpstr (lookup_string (root, "/first/name"), ==, "2024");
  g_assert_cmpint (lookup_int (root, "/second/first_year"), ==, 2025);
  g_assert_cmpint (lookup_int (root, "/second/start_month"), ==, 1);
  g_assert_cmpint (lookup_cents (root, "/exports/first/value_usd"), ==, 10);
  g_assert_cmpint (lookup_cents (root, "/exports/second/value_usd"), ==, G_GINT64_CONSTANT (114000000045));
  g_assert_cmpint (lookup_int (root, "/exports/second/records"), ==, 2);
  g_assert_cmpint (lookup_cents (root, "/exports/change_usd"), ==, G_GINT64_CONSTANT (114000000035));
  g_assert_cmpint (lookup_int (root, "/unplaced/first/records"), ==, 0);

  /* Largest increase first; copper had nothing in 2024, so no percent. */
  g_assert_cmpstr (lookup_string (root, "/by_mineral/0/mineral"), ==, "copper");
  g_assert_cmpstr (lookup_string (root, "/by_mineral/0/name"), ==, "Copper");
  g_assert_cmpint (lookup_cents (root, "/by_mineral/0/first/value_usd"), ==, 0);
  g_assert_true (JSON_NODE_HOLDS_NULL (lookup (root, "/by_mineral/0/change_percent")));
  g_assert_cmpstr (lookup_string (root, "/by_mineral/1/mineral"), ==, "iron-ore");
  g_assert_cmpint (lookup_cents (root, "/by_mineral/1/change_usd"), ==, 10);
  g_assert_cmpfloat (json_node_get_double (lookup (root, "/by_mineral/1/change_percent")), ==, 100.0);

  g_assert_nonnull (lookup (root, "/by_destination"));
  g_assert_nonnull (lookup (root, "/by_stage"));
  g_assert_nonnull (lookup (root, "/by_hs_code"));
}

static void
test_compare_csv (void)
{
  g_auto(TmpDir) tmp = { 0 };
  g_autofree char *path = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(CliRun) run = { 0 };

  tmp_dir_init (&tmp);
  path = tmp_file (&tmp, "three.json", THREE_RECORDS);

  run_cli (&run, RUN_DEFAULT, NULL, "compare", "--csv", path, "2024", "2025", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  lines = g_strsplit (run.out_text, "\n", -1);
  g_assert_cmpstr (lines[0], ==,
                   "by,key,name,first,second,first_records,first_value_usd,"
                   "second_records,second_value_usd,change_usd,change_percent");
  g_assert_cmpstr (lines[1], ==, "mineral,copper,Copper,2024,2025,0,0,1,1140000000.25,1140000000.25,");
  g_assert_cmpstr (lines[2], ==, "mineral,iron-ore,Iron ore,2024,2025,1,0.1,1,0.2,0.1,100.0");
  /* Two minerals, two destinations (CN and none), three stages, one
   * HS code (none), and the header. */
  g_assert_cmpuint (count_lines (run.out_text), ==, 1 + 2 + 2 + 3 + 1);
}

static void
test_compare_errors (void)
{
  g_auto(TmpDir) tmp = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *missing = NULL;

  tmp_dir_init (&tmp);
  path = tmp_file (&tmp, "three.json", THREE_RECORDS);
  missing = tmp_file (&tmp, "missing.json", NULL);

  {
    g_auto(CliRun) run = { 0 };

    /* The file's fiscal year is the calendar year: no FY to compare. */
    run_cli (&run, RUN_DEFAULT, NULL, "compare", path, "FY2024-25", "2025", NULL);
    assert_usage_error (&run);
    g_assert_nonnull (strstr (run.err, "FY2024-25"));
    g_assert_nonnull (strstr (run.err, "January"));
  }

  {
    g_auto(CliRun) run = { 0 };

    run_cli (&run, RUN_DEFAULT, NULL, "compare", path, "2024", "next year", NULL);
    assert_usage_error (&run);
    g_assert_nonnull (strstr (run.err, "“next year”"));
  }

  {
    g_auto(CliRun) run = { 0 };

    run_cli (&run, RUN_DEFAULT, NULL, "compare", missing, "2024", "2025", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.out_text, ==, "");
    g_assert_true (g_str_has_prefix (run.err, missing));
  }
}

static void
test_convert_unknown_members (void)
{
  static const struct
  {
    const char *pointer;
    const char *json;
  } kept[] = {
    { "/x-top", "{ \"nested\": [ 1, \"two\", true, null ] }" },
    { "/sources/0/x-source", "\"kept\"" },
    { "/minerals/0/x-mineral", "42" },
    { "/minerals/0/reserves/0/x-reserve", "[ 1.5, 2.5 ]" },
    { "/exports/0/x-export", "{ \"customs-ref\": \"A-17\" }" },
    { "/exports/2/x-export-2", "false" },
    { "/projects/0/x-project", "\"p\"" },
    { "/projects/0/partners/0/x-partner", "{ \"k\": \"v\" }" },
    { "/projects/0/investment_usd/x-investment", "7" },
    { "/targets/0/x-target", "\"t\"" },
    { "/targets/0/metric/x-metric", "\"m\"" },
    { "/targets/0/baseline/x-baseline", "null" },
    { "/targets/0/target/x-goal", "[ { \"a\": 1 } ]" },
    /* And what Lode knows is still there. */
    { "/title", "\"Unknown members\"" },
    { "/exports/0/value_usd", "0.1" },
    { "/exports/1/year", "2024" },
  };
  g_auto(TmpDir) tmp = { 0 };
  g_autofree char *in = NULL;
  g_autofree char *out = NULL;
  g_autofree char *written = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(CliRun) run = { 0 };

  tmp_dir_init (&tmp);
  in = tmp_file (&tmp, "in.json", UNKNOWN_MEMBERS);
  out = tmp_file (&tmp, "out.json", NULL);

  run_cli (&run, RUN_DEFAULT, NULL, "convert", in, out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out_text, ==, "");
  g_assert_cmpstr (run.err, ==, "");

  written = read_text (out);
  root = parse_json (written);

  /* Nothing was added either: only the other record has no extra. */
  g_assert_null (lookup (root, "/exports/1/x-export"));
  g_assert_null (lookup (root, "/exports/1/x-export-2"));

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autoptr(JsonNode) expected = parse_json (kept[i].json);
      JsonNode *found = lookup (root, kept[i].pointer);

      if (found == NULL)
        g_error ("%s is missing from the converted file", kept[i].pointer);
      if (!json_node_equal (found, expected))
        {
          g_autofree char *found_text = json_to_string (found, FALSE);

          g_error ("%s is %s, not %s", kept[i].pointer, found_text, kept[i].json);
        }
    }
}

static void
test_convert_stable (void)
{
  g_auto(TmpDir) tmp = { 0 };
  const char * const inputs[] = { UNKNOWN_MEMBERS, THREE_RECORDS, MINIMAL };

  tmp_dir_init (&tmp);

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *in = tmp_file (&tmp, "in.json", inputs[i]);
      g_autofree char *first = tmp_file (&tmp, "first.json", NULL);
      g_autofree char *second = tmp_file (&tmp, "second.json", NULL);
      g_autofree char *first_text = NULL;
      g_autofree char *second_text = NULL;
      g_auto(CliRun) run1 = { 0 };
      g_auto(CliRun) run2 = { 0 };
      g_auto(CliRun) run3 = { 0 };

      run_cli (&run1, RUN_DEFAULT, NULL, "convert", in, first, NULL);
      g_assert_cmpint (run1.status, ==, 0);
      run_cli (&run2, RUN_DEFAULT, NULL, "convert", first, second, NULL);
      g_assert_cmpint (run2.status, ==, 0);

      first_text = read_text (first);
      second_text = read_text (second);
      g_assert_cmpstr (first_text, ==, second_text);
      g_assert_true (g_str_has_suffix (first_text, "}\n"));

      /* Standard input to standard output writes the same bytes. */
      run_cli (&run3, RUN_DEFAULT, first_text, "convert", "-", "-", NULL);
      g_assert_cmpint (run3.status, ==, 0);
      g_assert_cmpstr (run3.out_text, ==, first_text);
      g_assert_cmpstr (run3.err, ==, "");
    }
}

static void
test_convert_failures (void)
{
  g_auto(TmpDir) tmp = { 0 };
  g_autofree char *in = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *old = NULL;
  g_autofree char *nowhere = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *after = NULL;
  guint n_entries;

  tmp_dir_init (&tmp);
  in = tmp_file (&tmp, "in.json", THREE_RECORDS);
  bad = tmp_file (&tmp, "bad.json", "{ \"format\": \"lode-portfolio\" ");
  old = tmp_file (&tmp, "old.json", "old contents, not a portfolio\n");
  nowhere = g_build_filename (tmp.path, "no-such-folder", "out.json", NULL);
  old_text = read_text (old);
  n_entries = count_entries (tmp.path);

  {
    g_auto(CliRun) run = { 0 };

    /* Into a folder that does not exist. */
    run_cli (&run, RUN_DEFAULT, NULL, "convert", in, nowhere, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.out_text, ==, "");
    g_assert_true (g_str_has_prefix (run.err, "lode-cli: "));
    g_assert_nonnull (strstr (run.err, nowhere));
    g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  }

  {
    g_auto(CliRun) run = { 0 };

    /* Input that does not load leaves the output alone. */
    run_cli (&run, RUN_DEFAULT, NULL, "convert", bad, old, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_prefix (run.err, bad));
    after = read_text (old);
    g_assert_cmpstr (after, ==, old_text);
    g_clear_pointer (&after, g_free);
  }

  {
    g_auto(CliRun) run = { 0 };

    /* Writing fails half-way (files may not grow beyond 64 bytes): the old
     * file is as it was and no temporary file is left behind. */
    run_cli (&run, RUN_LIMIT_FILE_SIZE, NULL, "convert", in, old, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_prefix (run.err, "lode-cli: "));
    after = read_text (old);
    g_assert_cmpstr (after, ==, old_text);
    g_assert_cmpuint (count_entries (tmp.path), ==, n_entries);
  }
}

static void
test_sample (void)
{
  g_auto(TmpDir) tmp = { 0 };
  g_autofree char *out = NULL;
  g_autofree char *again = NULL;
  g_autofree char *out_text = NULL;
  g_autofree char *again_text = NULL;
  g_autoptr(JsonNode) summary = NULL;
  g_auto(CliRun) run = { 0 };
  g_auto(CliRun) run_dash = { 0 };
  g_auto(CliRun) run_validate = { 0 };
  g_auto(CliRun) run_file = { 0 };
  g_auto(CliRun) run_summary = { 0 };
  g_auto(CliRun) run_convert = { 0 };

  tmp_dir_init (&tmp);
  out = tmp_file (&tmp, "sample.json", NULL);
  again = tmp_file (&tmp, "again.json", NULL);

  run_cli (&run, RUN_DEFAULT, NULL, "sample", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out_text, "{\n"));
  g_assert_nonnull (strstr (run.out_text, "Pakistan minerals (sample)"));

  run_cli (&run_dash, RUN_DEFAULT, NULL, "sample", "-", NULL);
  g_assert_cmpint (run_dash.status, ==, 0);
  g_assert_cmpstr (run_dash.out_text, ==, run.out_text);

  /* sample | validate - */
  run_cli (&run_validate, RUN_DEFAULT, run.out_text, "validate", "-", NULL);
  g_assert_cmpint (run_validate.status, ==, 0);
  g_assert_cmpstr (run_validate.out_text, ==, "<stdin>: ok\n");
  g_assert_cmpstr (run_validate.err, ==, "");

  /* To a file: the same bytes, stable through convert. */
  run_cli (&run_file, RUN_DEFAULT, NULL, "sample", out, NULL);
  g_assert_cmpint (run_file.status, ==, 0);
  g_assert_cmpstr (run_file.out_text, ==, "");
  out_text = read_text (out);
  g_assert_cmpstr (out_text, ==, run.out_text);

  run_cli (&run_convert, RUN_DEFAULT, NULL, "convert", out, again, NULL);
  g_assert_cmpint (run_convert.status, ==, 0);
  again_text = read_text (again);
  g_assert_cmpstr (again_text, ==, out_text);

  run_cli (&run_summary, RUN_DEFAULT, NULL, "summary", "--json", out, NULL);
  g_assert_cmpint (run_summary.status, ==, 0);
  summary = parse_json (run_summary.out_text);
  g_assert_cmpstr (lookup_string (summary, "/title"), ==, "Pakistan minerals (sample)");
  g_assert_cmpint (lookup_int (summary, "/counts/minerals"), >, 0);
  g_assert_cmpint (lookup_int (summary, "/counts/exports"), >, 0);
  g_assert_cmpint (lookup_cents (summary, "/exports_usd"), >, 0);
}

static void
test_sample_failures (void)
{
  g_auto(TmpDir) tmp = { 0 };
  g_autofree char *nowhere = NULL;
  g_auto(CliRun) run = { 0 };

  tmp_dir_init (&tmp);
  nowhere = g_build_filename (tmp.path, "no-such-folder", "sample.json", NULL);

  run_cli (&run, RUN_DEFAULT, NULL, "sample", nowhere, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, nowhere));

  if (g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_auto(CliRun) run_full = { 0 };
      g_auto(CliRun) run_summary = { 0 };
      g_autofree char *path = tmp_file (&tmp, "three.json", THREE_RECORDS);

      /* A full disk behind standard output is an error too. */
      run_cli (&run_full, RUN_STDOUT_FULL, NULL, "sample", NULL);
      g_assert_cmpint (run_full.status, ==, 1);
      g_assert_nonnull (strstr (run_full.err, "standard output"));

      run_cli (&run_summary, RUN_STDOUT_FULL, NULL, "summary", path, NULL);
      g_assert_cmpint (run_summary.status, ==, 1);
      g_assert_nonnull (strstr (run_summary.err, "standard output"));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/cli/help", test_help);
  g_test_add_func ("/lode/cli/version", test_version);
  g_test_add_func ("/lode/cli/usage", test_usage);
  g_test_add_func ("/lode/cli/validate/ok", test_validate_ok);
  g_test_add_func ("/lode/cli/validate/stdin", test_validate_stdin);
  g_test_add_func ("/lode/cli/validate/syntax", test_validate_syntax);
  g_test_add_func ("/lode/cli/validate/pointer", test_validate_pointer);
  g_test_add_func ("/lode/cli/validate/keeps-going", test_validate_keeps_going);
  g_test_add_func ("/lode/cli/validate/fixtures", test_validate_fixtures);
  g_test_add_func ("/lode/cli/summary/text", test_summary_text);
  g_test_add_func ("/lode/cli/summary/json", test_summary_json);
  g_test_add_func ("/lode/cli/summary/errors", test_summary_errors);
  g_test_add_func ("/lode/cli/summary/investment", test_summary_investment);
  g_test_add_func ("/lode/cli/summary/without-investment", test_summary_without_investment);
  g_test_add_func ("/lode/cli/summary/fiscal", test_summary_fiscal);
  g_test_add_func ("/lode/cli/summary/currency", test_summary_currency);
  g_test_add_func ("/lode/cli/summary/currency-investment", test_summary_currency_investment);
  g_test_add_func ("/lode/cli/compare/text", test_compare_text);
  g_test_add_func ("/lode/cli/compare/json", test_compare_json);
  g_test_add_func ("/lode/cli/compare/csv", test_compare_csv);
  g_test_add_func ("/lode/cli/compare/errors", test_compare_errors);
  g_test_add_func ("/lode/cli/compare/currency", test_compare_currency);
  g_test_add_func ("/lode/cli/convert/unknown-members", test_convert_unknown_members);
  g_test_add_func ("/lode/cli/convert/stable", test_convert_stable);
  g_test_add_func ("/lode/cli/convert/failures", test_convert_failures);
  g_test_add_func ("/lode/cli/sample/round-trip", test_sample);
  g_test_add_func ("/lode/cli/sample/failures", test_sample_failures);

  return g_test_run ();
}
