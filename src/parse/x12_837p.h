/*
 * x12_837p.h
 *		Reader of X12 837P professional claim files (005010X222A1/A2), in
 *		plain C with no server headers, so that it can be fuzzed outside
 *		the server (test/fuzz/fuzz_837p.c).  It allocates nothing: the
 *		caller owns a Tpi837pReader (about 100 kB), feeds it the file in
 *		pieces of any size, and receives every service line (2400 loop)
 *		through a callback.  What a line needs from earlier segments is
 *		copied into the reader, so memory does not grow with the file.  The
 *		mapping of loops and segments to claim_line columns is SPEC section
 *		11; src/fn/read_837p.c is the SQL face.
 */
#ifndef TPI_X12_837P_H
#define TPI_X12_837P_H

#include <stdbool.h>
#include <stddef.h>

/* Bytes of text; p == NULL (and len 0) when the file has no value. */
typedef struct TpiX12Str
{
	const char *p;
	size_t		len;
} TpiX12Str;

#define TPI_837P_MAX_MODIFIERS 4	/* SV101-3 .. SV101-6 */
#define TPI_837P_MAX_POINTERS 4		/* SV107-1 .. SV107-4 */
#define TPI_837P_MAX_DX 12			/* a pointer is 1 .. 12 */
#define TPI_837P_MAX_PATIENT 512	/* composed patient_id of a dependent */
#define TPI_837P_MAX_NOTE 8192		/* composed claim_note, and each of its
									 * parts (the claim's NTE texts, the
									 * line's, SV101-7) */
#define TPI_837P_MAX_VALUE 128		/* a value kept from an element (the
									 * guide's longest, NM109, is 80) */
#define TPI_837P_MAX_SEGMENT 65536	/* bytes of one segment */
#define TPI_837P_MAX_ELEMENTS 24	/* HI has 12, SV1 7; later ones unused */

/*
 * One service line.  Every TpiX12Str points into the reader: valid only
 * during the callback.  Text values are as
 * written in the file (an empty element is no value).
 */
typedef struct Tpi837pLine
{
	int			segment;		/* ordinal of the line's SV1 segment */
	size_t		offset;			/* its byte offset in the input */
	TpiX12Str	claim_id;		/* CLM01 */
	int			line_no;		/* LX01, or 1, 2 .. within the claim */
	TpiX12Str	patient_id;
	bool		patient_upper;	/* composed for a dependent (2000C): upper
								 * case; bytes outside ASCII are left to
								 * the caller, which knows the encoding */
	TpiX12Str	payer_id;		/* 2010BB NM109 */
	TpiX12Str	provider_npi;
	bool		has_date;
	int			year;
	int			month;
	int			day;
	TpiX12Str	hcpcs;			/* SV101-2 */
	int			nmodifiers;
	TpiX12Str	modifiers[TPI_837P_MAX_MODIFIERS];
	TpiX12Str	charge;			/* SV102: [-]digits[.digits], at most 10
								 * digits before the point */
	bool		has_units;
	int			units;			/* SV104, rounded up */
	TpiX12Str	place_of_service;
	bool		has_pointers;	/* SV107 present */
	int			ndx;
	TpiX12Str	icd10[TPI_837P_MAX_POINTERS];
	TpiX12Str	claim_note;
	TpiX12Str	ndc;			/* LIN03 when LIN02 = N4 */
} Tpi837pLine;

typedef struct Tpi837pError
{
	int			segment;		/* 1-based ordinal; 0 = before any segment */
	size_t		offset;			/* byte offset of that segment */
	char		segment_id[4];	/* its identifier, "" when unreadable */
	char		msg[256];
} Tpi837pError;

typedef void (*Tpi837pLineFn) (void *arg, const Tpi837pLine *line);

/* A value kept from an element; len 0 = none. */
typedef struct TpiX12Value
{
	size_t		len;
	char		s[TPI_837P_MAX_VALUE];
} TpiX12Value;

/*
 * Free text kept for claim_note: NTE02 texts joined with "; " as they
 * come, or SV101-7.  The guide allows 80 bytes a text, but writers send
 * longer notes; only the whole is bounded.  len 0 = none.
 */
typedef struct TpiX12Text
{
	size_t		len;
	char		s[TPI_837P_MAX_NOTE];
} TpiX12Text;

/* The reader's state; its fields are private to x12_837p.c. */
typedef struct Tpi837pReader
{
	Tpi837pLineFn fn;
	void	   *arg;
	long		nlines;
	size_t		base;			/* file offset of data[0] */
	const char *data;			/* the piece being read */
	size_t		len;
	Tpi837pError *err;
	bool		failed;

	/* separators of the current interchange; rsep -1 = none */
	char		esep;
	char		csep;
	char		term;
	int			rsep;
	unsigned char byte_class[256];	/* of each byte, for split_segment */
	int			env;			/* where in the envelope */

	/* the current segment */
	int			ordinal;
	size_t		offset;
	char		seg_id[4];
	int			nel;
	TpiX12Str	el[TPI_837P_MAX_ELEMENTS];	/* el[0] is the identifier */

	/* 2000A/B/C: hierarchical level and what its 2010 loops named */
	int			level;			/* HL03: 20, 22, 23; 0 before the first */
	bool		in_2010ca;
	bool		have_2010ca;	/* the HL*23 loop's NM1*QC was read */
	bool		dependent;
	TpiX12Value billing_npi;
	TpiX12Value subscriber_id;
	TpiX12Value payer_id;
	TpiX12Value dep_first;
	TpiX12Value dep_birth;

	/* 2300: the current claim */
	bool		in_claim;
	bool		in_cob;			/* after 2320 SBR: other payers' loops */
	int			claim_ordinal;
	size_t		claim_offset;
	int			nclaim_lines;
	TpiX12Value claim_id;
	TpiX12Value claim_pos;
	TpiX12Value claim_rendering;
	bool		claim_has_date;
	int			claim_date[3];
	TpiX12Text	notes;			/* 2300 NTE02 texts */
	int			ndx;
	TpiX12Value dx[TPI_837P_MAX_DX];

	/* 2400: the current service line */
	bool		in_line;
	bool		line_has_sv1;
	int			lx_ordinal;
	size_t		lx_offset;
	int			lx;
	int			ptr[TPI_837P_MAX_POINTERS];
	TpiX12Value hcpcs;
	TpiX12Value modifiers[TPI_837P_MAX_MODIFIERS];
	TpiX12Value charge;
	TpiX12Value line_pos;
	TpiX12Text	line_desc;		/* SV101-7 */
	TpiX12Value line_rendering;
	TpiX12Value ndc;
	TpiX12Text	line_notes;		/* 2400 NTE02 texts */
	Tpi837pLine line;

	char		patient_buf[TPI_837P_MAX_PATIENT];
	char		seg_buf[TPI_837P_MAX_SEGMENT];	/* a segment with line breaks
												 * inside, joined */
	char		note_buf[TPI_837P_MAX_NOTE];
} Tpi837pReader;

extern void tpi_837p_init(Tpi837pReader *r, Tpi837pLineFn fn, void *arg);

/*
 * Reads the complete segments at the start of data[0, len), the next
 * piece of the file, calling fn for each service line completed; returns
 * the number of bytes consumed (the caller passes the rest again with the
 * next piece), or -1 with *err set.  With final, data holds the rest of
 * the file and all of it is read; then the return value is the number of
 * service lines of the file.
 */
extern long tpi_837p_feed(Tpi837pReader *r, const char *data, size_t len,
						  bool final, Tpi837pError *err);

/*
 * Reads a whole file: an interchange, or several one after another.
 * Calls fn for each service line in file order; returns the number of
 * lines, or -1 with *err set at the first problem: then the lines already
 * passed to fn must be discarded by the caller.  Anything but an 837P
 * interchange (another guide, another transaction set, no ISA first, a
 * broken envelope or a malformed value that the mapping reads) is an
 * error.
 */
extern long tpi_837p_parse(Tpi837pReader *r, const char *data, size_t len,
						   Tpi837pLineFn fn, void *arg, Tpi837pError *err);

#endif							/* TPI_X12_837P_H */
