/* cd-check-private.h: what the check engine (cd-check.c, with the lists
 * in cd-check-lists.c and the dictionaries in cd-check-words.c) shares with
 * its rule files.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <enchant.h>

#include "cd-check.h"

G_BEGIN_DECLS

/* What a byte of a field's text is, for the rules. Prose is read by every
 * rule; code, URLs and link destinations by none; markup (HTML tags,
 * shortcodes, entities) only by leftover-markup. */
typedef enum
{
  CD_CHECK_MASK_PROSE = 0,
  CD_CHECK_MASK_CODE = 1,
  CD_CHECK_MASK_MARKUP = 2,
} CdCheckMask;

typedef enum
{
  CD_CHECK_WORD_CAPITALISED = 1 << 0, /* first letter upper case */
  CD_CHECK_WORD_ALL_CAPS = 1 << 1,    /* two or more letters, all upper case */
  CD_CHECK_WORD_HAS_DIGIT = 1 << 2,
  CD_CHECK_WORD_SENTENCE_START = 1 << 3, /* first word of a sentence, line or heading */
  CD_CHECK_WORD_SPACE_BEFORE = 1 << 4,   /* only spaces since the previous word */
  CD_CHECK_WORD_MIXED_CASE = 1 << 5,     /* an upper-case letter after the first */
  /* first word after a dateline's dash ("BERLIN (dpa) – Die Zahl"): it
   * starts the story's sentence, and is a name as often as not */
  CD_CHECK_WORD_AFTER_DATELINE = 1 << 6,
  /* in the brackets of a dateline's source ("Hannover (dpa/lni) –"): an
   * agency's code, not a word */
  CD_CHECK_WORD_DATELINE_SOURCE = 1 << 7,
} CdCheckWordFlags;

/* A word whose capital says nothing of it: one a sentence may have given. */
#define CD_CHECK_WORD_INITIAL (CD_CHECK_WORD_SENTENCE_START | CD_CHECK_WORD_AFTER_DATELINE)

typedef struct
{
  guint32 start; /* bytes */
  guint32 end;
  guint32 flags;
} CdCheckWord;

typedef struct
{
  guint32     start; /* bytes */
  guint32     end;
  const char *kind; /* "HTML tag", "shortcode", "HTML entity", "HTML comment" */
} CdCheckMarkup;

typedef struct
{
  const char *name;
  const char *text;
  gsize       length;
  guint       prose : 1; /* read by the text rules */
  guint       markdown : 1;
  guint       title_case : 1; /* a headline may capitalise every word */
  guint8     *mask;           /* length bytes of CdCheckMask */
  GArray     *words;          /* CdCheckWord, in order */
  GArray     *markup;         /* CdCheckMarkup, in order */
} CdCheckField;

typedef struct
{
  char           *rule;
  CdCheckSeverity severity;
  guint           field; /* index into fields */
  guint32         start; /* bytes */
  guint32         end;
  char           *message;
  char           *suggestion;
} CdCheckHit;

typedef struct
{
  char  *avoid;       /* as written */
  char **avoid_words; /* case-folded words */
  char  *prefer;      /* "" when the phrase should just go */
} CdHouseStyleEntry;

typedef struct
{
  CdArticle   *article;
  const char  *language;   /* BCP 47, never NULL */
  CdCheckField fields[12]; /* prose fields first */
  guint        n_fields;
  GArray      *hits;    /* CdCheckHit */
  EnchantDict *dict;    /* NULL when no dictionary fits the language */
  CdChecker   *checker; /* whose lock the run holds */
  EnchantDict *english; /* for English names in other languages' copy: see
                         * _cd_check_english_dict() */
  gboolean    english_looked_up;
  GHashTable *spell_cache;   /* word → GINT_TO_POINTER (1 + correct) */
  GHashTable *suggest_cache; /* word → suggestion or "" */
  GHashTable *covered;       /* "field:start" of words a name or house-style finding
                              * covers, which spelling then leaves alone */
  guint       headline_limit;
  gboolean    thorough;          /* Enchant's slow suggestions too */
  GPtrArray  *house_style;       /* CdHouseStyleEntry */
  GHashTable *house_style_index; /* first folded word → GPtrArray of entries */

  const CdImageSource *images; /* NULL when the checker has none */
} CdCheckContext;

struct _CdChecker
{
  GObject parent_instance;

  /* One lock guards everything below: the Enchant dictionaries are not safe
   * to use from two threads at once, and a run reads the lists. */
  GMutex lock;

  char *default_language;
  guint headline_limit;
  guint thorough_suggestions : 1;
  char *data_dir;

  GPtrArray  *words;    /* char*, in the order they were added */
  GHashTable *word_set; /* the same words */

  char       *house_style_text;
  GPtrArray  *house_style; /* CdHouseStyleEntry */
  GHashTable *house_style_index;

  EnchantBroker *broker;
  GHashTable    *dicts;          /* language tag → EnchantDict, or NULL when none fits */
  GHashTable    *spell_caches;   /* dictionary → GHashTable word → verdict */
  GHashTable    *suggest_caches; /* dictionary → GHashTable word → suggestion */

  GHashTable *ignores; /* uuid → GHashTable of ignore keys */

  /* Where the image rules learn a stored image's size
   * (cd_checker_set_image_source()); lookup is NULL when there is none. */
  CdImageSource  image_source;
  GDestroyNotify image_source_destroy;
};

/* The "_locked" calls need the checker's lock held. */
void         _cd_checker_free_dicts_locked (CdChecker *self);
gboolean     _cd_checker_set_house_style_locked (CdChecker  *self,
                                                 const char *text,
                                                 GError    **error);
GHashTable  *_cd_checker_get_ignores_locked (CdChecker  *self,
                                             const char *uuid);
EnchantDict *_cd_checker_get_dict_locked (CdChecker  *self,
                                          const char *language);

void _cd_check_add (CdCheckContext *ctx,
                    guint           field,
                    const char     *rule,
                    CdCheckSeverity severity,
                    gsize           start,
                    gsize           end,
                    const char     *suggestion,
                    const char     *format,
                    ...) G_GNUC_PRINTF (8, 9);

void        _cd_check_cover (CdCheckContext *ctx,
                             guint           field,
                             gsize           start);
gboolean    _cd_check_is_covered (CdCheckContext *ctx,
                                  guint           field,
                                  gsize           start);
char       *_cd_check_fold (const char *text,
                            gssize      length);
gboolean    _cd_check_is_placeholder (const char *text,
                                      gsize       length);
gboolean    _cd_check_word_is_correct (CdCheckContext *ctx,
                                       const char     *word,
                                       gssize          length);
const char *_cd_check_name_near (CdCheckContext *ctx,
                                 const char     *word);
const char *_cd_check_word_near (CdCheckContext *ctx,
                                 const char     *word);
const char *_cd_check_word_suggestion (CdCheckContext *ctx,
                                       const char     *word,
                                       gssize          length);
char       *_cd_check_lower_first (const char *word);
char       *_cd_check_upper_first (const char *word);
gsize       _cd_check_possessive_length (const char *word,
                                         gsize       length);
char       *_cd_check_word_text (const CdCheckField *field,
                                 const CdCheckWord  *word);
guint       _cd_check_edit_distance (const char *a,
                                     const char *b,
                                     guint       limit);

void _cd_check_field_prepare (CdCheckField *field);
void _cd_check_field_clear (CdCheckField *field);

GPtrArray *_cd_house_style_parse (const char *text,
                                  GError    **error);
void       _cd_house_style_entry_free (CdHouseStyleEntry *entry);

/* A name with its transliteration set aside (cd-check-translit.c). */
typedef struct
{
  char    *stem;        /* folded plain letters without a leading article */
  char    *slots;       /* consonant classes, V for each run of vowels */
  char    *consonants;  /* slots without the Vs */
  char    *vowels;      /* each run of vowels as transliterations agree on it, "|" between */
  char    *assimilated; /* slots without an article run into the name (Ezzor), or NULL */
  gboolean has_article;
} CdNameShape;

gsize    _cd_check_article_length (const char *surface);
void     _cd_name_shape_init (CdNameShape *shape,
                              const char  *surface);
void     _cd_name_shape_clear (CdNameShape *shape);
guint    _cd_name_shape_count_consonants (const CdNameShape *shape);
guint    _cd_name_shape_count_vowels (const CdNameShape *shape);
gboolean _cd_name_stems_differ_by_gender (const char *a,
                                          const char *b);
gboolean _cd_name_stems_differ_by_son (const char *a,
                                       const char *b);
gboolean _cd_name_vowels_agree (const CdNameShape *a,
                                const CdNameShape *b);

void        _cd_check_spelling (CdCheckContext *ctx);
gboolean    _cd_check_reads_british (CdCheckContext *ctx,
                                     EnchantDict    *british,
                                     GHashTable     *british_cache);
void        _cd_check_names (CdCheckContext *ctx);
void        _cd_check_hyphen_variants (CdCheckContext *ctx);
void        _cd_check_name_case (CdCheckContext *ctx);
void        _cd_check_quotes (CdCheckContext *ctx);
void        _cd_check_inverted_marks (CdCheckContext *ctx);
void        _cd_check_repeated_words (CdCheckContext *ctx);
void        _cd_check_a_an (CdCheckContext *ctx);
void        _cd_check_spacing (CdCheckContext *ctx);
void        _cd_check_leftover_markup (CdCheckContext *ctx);
void        _cd_check_boilerplate (CdCheckContext *ctx);
void        _cd_check_fields (CdCheckContext *ctx);
gboolean    _cd_check_language (CdCheckContext *ctx);
const char *_cd_check_language_name (const char *language);
guint       _cd_check_find_field (CdCheckContext *ctx,
                                  const char     *name);
void        _cd_check_house_style (CdCheckContext *ctx);
void        _cd_check_images (CdCheckContext *ctx);
void        _cd_checker_clear_image_source (CdChecker *self);

G_END_DECLS
