/* cd-import-mapi-private.h: the MAPI properties (MS-OXPROPS) that
 * Outlook's messages (cd-import-outlook.c) and winmail.dat files
 * (cd-import-tnef.c) hold, and the types of their values.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* Properties. */
enum
{
  PR_SUBJECT = 0x0037,
  PR_CLIENT_SUBMIT_TIME = 0x0039,
  PR_SENT_REPRESENTING_NAME = 0x0042,
  PR_SENT_REPRESENTING_EMAIL = 0x0065,
  PR_TRANSPORT_HEADERS = 0x007D,
  PR_SENDER_NAME = 0x0C1A,
  PR_SENDER_EMAIL = 0x0C1F,
  PR_DELIVERY_TIME = 0x0E06,
  PR_BODY = 0x1000,
  PR_HTML = 0x1013,
  PR_ATTACH_DATA = 0x3701,
  PR_ATTACH_FILENAME = 0x3704,
  PR_ATTACH_METHOD = 0x3705,
  PR_ATTACH_LONG_FILENAME = 0x3707,
  PR_ATTACH_MIME_TAG = 0x370E,
  PR_ATTACH_CONTENT_ID = 0x3712,
  PR_INTERNET_CPID = 0x3FDE,
  PR_SENDER_SMTP = 0x5D01,
  PR_SENT_REPRESENTING_SMTP = 0x5D02,
};

/* Their values' types. */
#define PT_LONG 0x0003
#define PT_STRING8 0x001E
#define PT_UNICODE 0x001F
#define PT_SYSTIME 0x0040
#define PT_BINARY 0x0102
#define PT_OBJECT 0x000D
