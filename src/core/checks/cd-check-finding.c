/* cd-check-finding.c: what a check found (CdFinding), as the command
 * line prints it in JSON, and the list of rules with their labels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cd-check"

#include "config.h"

#include "cd-check-private.h"

/* Findings */

G_DEFINE_BOXED_TYPE (CdFinding, cd_finding, cd_finding_copy, cd_finding_free)

/**
 * cd_finding_new:
 *
 * Returns: (transfer full): a new finding
 */
CdFinding *
cd_finding_new (const char     *rule,
                CdCheckSeverity severity,
                const char     *field,
                guint           start,
                guint           end,
                const char     *text,
                const char     *message,
                const char     *suggestion)
{
  CdFinding *finding;

  g_return_val_if_fail (rule != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);

  finding = g_new0 (CdFinding, 1);
  finding->rule = g_strdup (rule);
  finding->severity = severity;
  finding->field = g_strdup (field);
  finding->start = start;
  finding->end = end;
  finding->text = g_strdup (text != NULL ? text : "");
  finding->message = g_strdup (message != NULL ? message : "");
  finding->suggestion = g_strdup (suggestion);
  return finding;
}

/**
 * cd_finding_copy:
 *
 * Returns: (transfer full): a copy of @finding
 */
CdFinding *
cd_finding_copy (const CdFinding *finding)
{
  g_return_val_if_fail (finding != NULL, NULL);

  return cd_finding_new (finding->rule, finding->severity, finding->field,
                         finding->start, finding->end, finding->text,
                         finding->message, finding->suggestion);
}

void
cd_finding_free (CdFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->rule);
  g_free (finding->field);
  g_free (finding->text);
  g_free (finding->message);
  g_free (finding->suggestion);
  g_free (finding);
}

/**
 * cd_finding_get_ignore_key:
 *
 * An ignored finding is remembered by rule, field and matched text, not by
 * position, so that it stays ignored while the text around it changes.
 *
 * Returns: (transfer full): the key under which @finding is ignored
 */
char *
cd_finding_get_ignore_key (const CdFinding *finding)
{
  g_return_val_if_fail (finding != NULL, NULL);

  return g_strdup_printf ("%s\t%s\t%s", finding->rule, finding->field, finding->text);
}

/**
 * cd_finding_to_json:
 *
 * Returns: (transfer full): the finding as the command line prints it
 */
JsonObject *
cd_finding_to_json (const CdFinding *finding)
{
  JsonObject *object;

  g_return_val_if_fail (finding != NULL, NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "rule", finding->rule);
  json_object_set_string_member (object, "severity",
                                 cd_check_severity_to_string (finding->severity));
  json_object_set_string_member (object, "field", finding->field);
  json_object_set_int_member (object, "start", finding->start);
  json_object_set_int_member (object, "end", finding->end);
  json_object_set_string_member (object, "text", finding->text);
  json_object_set_string_member (object, "message", finding->message);
  if (finding->suggestion != NULL)
    json_object_set_string_member (object, "suggestion", finding->suggestion);
  else
    json_object_set_null_member (object, "suggestion");
  return object;
}

const char *
cd_check_severity_to_string (CdCheckSeverity severity)
{
  switch (severity)
    {
    case CD_CHECK_SEVERITY_INFO:
      return "info";
    case CD_CHECK_SEVERITY_WARNING:
      return "warning";
    case CD_CHECK_SEVERITY_ERROR:
      return "error";
    default:
      g_return_val_if_reached (NULL);
    }
}

static const struct
{
  const char *id;
  const char *label;
} rules[] = {
  {CD_CHECK_RULE_SPELLING,              "Spelling"                        },
  { CD_CHECK_RULE_NAME_VARIANT,         "Spelled more than one way"       },
  { CD_CHECK_RULE_QUOTES,               "Quotes and brackets"             },
  { CD_CHECK_RULE_REPEATED_WORD,        "Repeated words"                  },
  { CD_CHECK_RULE_A_AN,                 "“A” or “an”"             },
  { CD_CHECK_RULE_SPACING,              "Spacing"                         },
  { CD_CHECK_RULE_LEFTOVER_MARKUP,      "Leftover markup and placeholders"},
  { CD_CHECK_RULE_LEFTOVER_BOILERPLATE, "Leftover site boilerplate"       },
  { CD_CHECK_RULE_HEADLINE_LENGTH,      "Headline length"                 },
  { CD_CHECK_RULE_MISSING_FIELD,        "Missing fields"                  },
  { CD_CHECK_RULE_HOUSE_STYLE,          "House style"                     },
  { CD_CHECK_RULE_IMAGE_ALT,            "Images without alt text"         },
  { CD_CHECK_RULE_IMAGE_CREDIT,         "Featured image without credit"   },
  { CD_CHECK_RULE_IMAGE_SIZE,           "Images larger than a page needs" },
  { CD_CHECK_RULE_LANGUAGE,             "Article language"                },
};

/**
 * cd_check_list_rules:
 *
 * Returns: (transfer none): the rule ids, in the order the panel shows them
 */
const char *const *
cd_check_list_rules (void)
{
  static const char *const ids[] = {
    CD_CHECK_RULE_SPELLING, CD_CHECK_RULE_NAME_VARIANT, CD_CHECK_RULE_QUOTES,
    CD_CHECK_RULE_REPEATED_WORD, CD_CHECK_RULE_A_AN, CD_CHECK_RULE_SPACING, CD_CHECK_RULE_LEFTOVER_MARKUP,
    CD_CHECK_RULE_LEFTOVER_BOILERPLATE,
    CD_CHECK_RULE_HEADLINE_LENGTH, CD_CHECK_RULE_MISSING_FIELD, CD_CHECK_RULE_HOUSE_STYLE,
    CD_CHECK_RULE_IMAGE_ALT, CD_CHECK_RULE_IMAGE_CREDIT, CD_CHECK_RULE_IMAGE_SIZE,
    CD_CHECK_RULE_LANGUAGE,
    NULL
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (ids) == G_N_ELEMENTS (rules) + 1);
  return ids;
}

/**
 * cd_check_rule_to_label:
 *
 * Returns: (transfer none): an English label for @rule (the window
 * translates it), or @rule itself when it is unknown
 */
const char *
cd_check_rule_to_label (const char *rule)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (g_str_equal (rules[i].id, rule))
      return rules[i].label;
  return rule;
}
