/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "lode-json-check.h"
#include "lode-portfolio-io.h"
#include "lode-salvage.h"

/* The load errors in Urdu and Simplified Chinese, from the translations
 * built with the tests: the same places (FILE:LINE:COL, JSON Pointer) as
 * in English, the messages translated; and a draft salvaged the same in
 * every language, as it reads the problems, not the messages. */

/* A source whose id is not an id, and a record whose year is out of range
 * and whose mineral is not in the file. */
static const char content_text[] =
  "{\"format\": \"lode-portfolio\", \"version\": 1, \"title\": \"T\",\n"
  " \"sources\": [{\"id\": \"Bad\", \"title\": \"S\"}],\n"
  " \"minerals\": [{\"id\": \"copper\", \"name\": \"Copper\", \"group\": \"base-metal\"}],\n"
  " \"exports\": [{\"mineral\": \"copper\", \"year\": 2024, \"value_usd\": 5},\n"
  "             {\"mineral\": \"zinc\", \"year\": 3000, \"value_usd\": 1}]}\n";

/* A trailing comma on line 2. */
static const char syntax_text[] =
  "{\"format\": \"lode-portfolio\",\n"
  " \"version\": 1,\n"
  "}\n";

typedef struct
{
  const char *language;
  const char *content[3];
  const char *syntax;
} Expected;

static const Expected expected[] = {
  { NULL,
    { "bad.json: /sources/0/id: “Bad” is not an id: use lowercase letters, digits and hyphens, "
      "starting with a letter or digit",
      "bad.json: /exports/1/mineral: refers to mineral “zinc”, which is not in the file",
      "bad.json: /exports/1/year: must be a year from 1800 to 2200" },
    "bad.json:2:14: trailing comma" },
  { "ur",
    { "bad.json: /sources/0/id: “Bad” شناخت نہیں ہے: چھوٹے انگریزی حروف، ہندسے اور ہائفن استعمال "
      "کریں، اور شروع میں حرف یا ہندسہ رکھیں",
      "bad.json: /exports/1/mineral: معدن “zinc” کا حوالہ دیتا ہے، جو فائل میں نہیں ہے",
      "bad.json: /exports/1/year: 1800 سے 2200 تک کا سال ہونا چاہیے" },
    "bad.json:2:14: آخر میں زائد کوما" },
  { "zh_CN",
    { "bad.json: /sources/0/id: “Bad”不是标识：请使用小写字母、数字和连字符，并以字母或数字开头",
      "bad.json: /exports/1/mineral: 引用了文件中没有的矿产“zinc”",
      "bad.json: /exports/1/year: 必须是 1800 到 2200 之间的年份" },
    "bad.json:2:14: 多余的尾随逗号" },
};

/* GNU gettext keeps the translations it has looked up; this tells it
 * that the language changed. */
extern int _nl_msg_cat_cntr;

/* @language NULL: the untranslated English. */
static void
use_language (const char *language)
{
  g_setenv ("LANGUAGE", language != NULL ? language : "C", TRUE);
  ++_nl_msg_cat_cntr;
}

static void
test_content (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LodePortfolio) portfolio = NULL;
      g_auto(GStrv) lines = NULL;

      use_language (expected[i].language);
      portfolio = lode_portfolio_load_data (content_text, strlen (content_text), "bad.json", &error);
      g_assert_null (portfolio);
      g_assert_error (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_INVALID);

      lines = g_strsplit (error->message, "\n", -1);
      g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (expected[i].content));
      for (guint j = 0; j < G_N_ELEMENTS (expected[i].content); j++)
        g_assert_cmpstr (lines[j], ==, expected[i].content[j]);
    }
}

static void
test_syntax (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LodePortfolio) portfolio = NULL;
      g_autofree char *message = NULL;
      guint line = 0, column = 0;

      use_language (expected[i].language);
      portfolio = lode_portfolio_load_data (syntax_text, strlen (syntax_text), "bad.json", &error);
      g_assert_null (portfolio);
      g_assert_error (error, LODE_PORTFOLIO_ERROR, LODE_PORTFOLIO_ERROR_SYNTAX);
      g_assert_cmpstr (error->message, ==, expected[i].syntax);

      /* The check alone says the same. */
      g_assert_false (lode_json_check (syntax_text, strlen (syntax_text), 64, &line, &column, &message));
      g_assert_cmpuint (line, ==, 2);
      g_assert_cmpuint (column, ==, 14);
      g_assert_true (g_str_has_suffix (expected[i].syntax, message));
    }
}

/* Every message of the tokenizer has its translation, with its variable
 * part kept. */
static void
test_tokenizer_messages (void)
{
  static const struct
  {
    const char *text;
    const char *urdu;
  } cases[] = {
    { "", "فائل خالی ہے" },
    { "[1,]", "آخر میں زائد کوما" },
    { "{\"a\": 1, \"a\": 2}", "دہرایا گیا رکن \"a\"" },
    { "[nope]", "غیر متوقع لفظ 'nope'" },
    { "[@]", "غیر متوقع حرف '@'" },
    { "[[[[[1]]]]]", "4 سطحوں سے زیادہ گہری نیسٹنگ" },
  };

  use_language ("ur");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = NULL;

      g_assert_false (lode_json_check (cases[i].text, strlen (cases[i].text), 4, NULL, NULL, &message));
      g_assert_cmpstr (message, ==, cases[i].urdu);
    }
}

static void
test_salvage (void)
{
  g_autoptr(GBytes) english = NULL;
  g_auto(GStrv) english_notes = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LodePortfolio) portfolio = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_auto(GStrv) notes = NULL;

      use_language (expected[i].language);
      portfolio = lode_salvage_load_data (content_text, strlen (content_text), "bad.json", &notes,
                                          NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (portfolio);
      /* The source and the record go; the other record stays. */
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (lode_portfolio_get_sources (portfolio))), ==, 0);
      g_assert_cmpuint (lode_export_table_get_n_rows (lode_portfolio_get_exports (portfolio)), ==, 1);
      bytes = lode_portfolio_to_bytes (portfolio);

      if (english == NULL)
        {
          english = g_steal_pointer (&bytes);
          english_notes = g_steal_pointer (&notes);
          g_assert_cmpuint (g_strv_length (english_notes), ==, 2);
          continue;
        }

      g_assert_true (g_bytes_equal (bytes, english));
      g_assert_cmpuint (g_strv_length (notes), ==, g_strv_length (english_notes));
      for (guint j = 0; notes[j] != NULL; j++)
        g_assert_cmpstr (notes[j], !=, english_notes[j]);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Any locale but "C" itself lets LANGUAGE choose the translation. */
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  bindtextdomain (GETTEXT_PACKAGE, LODE_TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lode/load-translated/content", test_content);
  g_test_add_func ("/lode/load-translated/syntax", test_syntax);
  g_test_add_func ("/lode/load-translated/tokenizer-messages", test_tokenizer_messages);
  g_test_add_func ("/lode/load-translated/salvage", test_salvage);

  return g_test_run ();
}
