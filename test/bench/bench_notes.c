/*
 * bench_notes.c
 *		Driver of the note benchmark (test/bench/bench_notes.sh): the plain-C
 *		note reader over files, outside the server, on one core.
 *
 *	bench_notes VOCAB dump FILE...     the facts of each note, one TSV line
 *	bench_notes VOCAB count            for each stdin line of entries
 *	                                   joined by '|': muscle count and code
 *	bench_notes VOCAB speed N FILE...  reads the notes round robin until N
 *	                                   have been read; notes and MB per second
 *
 * VOCAB is what notes_vocab.pl prints from the shipped catalogues.
 */
#include "note.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const regions[] = {"abdominal wall", "cephalic", "cervical",
	"chest wall", "facial", "gluteal/hip", "lower limb", "lumbar", "scapular",
"shoulder", "thoracic", "upper limb"};

static void *
b_alloc(void *ctx, size_t size)
{
	void	   *p = malloc(size ? size : 1);

	if (p == NULL)
		abort();
	return p;
}

static void
b_free(void *ctx, void *p)
{
	free(p);
}

static const MpAlloc ba = {b_alloc, b_free, NULL};

static int
region_index(const char *s)
{
	int			i;

	for (i = 0; i < 12; i++)
		if (strcmp(s, regions[i]) == 0)
			return i;
	return -1;
}

static char *
read_file(const char *path, size_t *len)
{
	FILE	   *f = fopen(path, "rb");
	char	   *buf;
	long		n;

	if (f == NULL)
	{
		perror(path);
		exit(1);
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = b_alloc(NULL, (size_t) n + 1);
	if (fread(buf, 1, (size_t) n, f) != (size_t) n)
		exit(1);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t) n;
	return buf;
}

static char *
field(char **p)
{
	char	   *s = *p,
			   *t;

	if (s == NULL)
		return NULL;
	t = strchr(s, '\t');
	if (t)
	{
		*t = '\0';
		*p = t + 1;
	}
	else
	{
		t = strchr(s, '\n');
		if (t)
			*t = '\0';
		*p = NULL;
	}
	return s;
}

static MpCatalogue *cat;
static NrVocab *vocab;

static void
load(const char *path)
{
	size_t		len;
	char	   *text = read_file(path, &len);
	char	   *line = text;
	int			pass;

	cat = mp_catalogue_new(&ba);
	/* muscles first: the catalogue must be built before the vocabulary */
	for (pass = 0; pass < 2; pass++)
	{
		line = text;
		while (line && *line)
		{
			char	   *next = strchr(line, '\n');
			char	   *copy,
					   *p;
			char	   *tag;

			if (next)
				*next = '\0';
			copy = strdup(line);
			p = copy;
			tag = field(&p);
			if (pass == 0 && strcmp(tag, "M") == 0)
			{
				char	   *name = field(&p),
						   *region = field(&p),
						   *kind = field(&p),
						   *al = field(&p);
				const char *aliases[64];
				int			n = 0;
				MpKind		k = strcmp(kind, "group") == 0 ? MP_GROUP :
					strcmp(kind, "region") == 0 ? MP_REGION : MP_MUSCLE;

				while (al && *al && n < 64)
				{
					char	   *bar = strchr(al, '|');

					if (bar)
						*bar = '\0';
					aliases[n++] = al;
					al = bar ? bar + 1 : NULL;
				}
				if (!mp_catalogue_add(cat, name, region_index(region), k, aliases, n))
					exit(1);
			}
			else if (pass == 1 && strcmp(tag, "D") == 0)
			{
				char	   *name = field(&p),
						   *generic = field(&p);

				if (!nr_vocab_add_drug(vocab, name,
									   generic && *generic ? generic : NULL))
					exit(1);
			}
			free(copy);
			if (next)
				*next = '\n';
			line = next ? next + 1 : NULL;
		}
		if (pass == 0)
		{
			mp_catalogue_set_spinal_regions(cat, region_index("cervical"),
											region_index("thoracic"),
											region_index("lumbar"));
			if (!mp_catalogue_build(cat))
				exit(1);
			vocab = nr_vocab_new(&ba, cat);
		}
	}
	if (!nr_vocab_build(vocab))
		exit(1);
	free(text);
}

static void
count_emit(void *arg, const MpResult *r)
{
	mp_tally_add((MpTally *) arg, r);
}

/* Muscles of a list of entries, as muscle_count() counts them. */
static long
count_entries(char **entries, int n)
{
	MpTally		t;
	long		c;
	int			i;

	mp_tally_init(&t, &ba, true);
	for (i = 0; i < n; i++)
	{
		size_t		len = strlen(entries[i]);
		char	   *work = b_alloc(NULL, MP_WORK_SIZE(len));

		mp_parse_each(cat, entries[i], len, work, count_emit, &t);
		free(work);
	}
	c = t.n;
	mp_tally_free(&t);
	return c;
}

static void
dump(const char *path)
{
	size_t		len;
	char	   *text = read_file(path, &len);
	NrFacts		f;
	int			i;
	long		n;

	if (!nr_read(vocab, text, len, &ba, &f))
		exit(1);
	n = count_entries(f.muscles, f.nmuscles);
	printf("%s\t", path);
	for (i = 0; i < f.nmuscles; i++)
		printf("%s%s", i ? "|" : "", f.muscles[i]);
	printf("\t%ld\t%s\t", n, mp_pick_code(n) ? mp_pick_code(n) : "");
	if (f.has_tp)
		printf("%d", f.trigger_points);
	printf("\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
		   f.drug_name ? f.drug_name : "", f.drug_dose ? f.drug_dose : "",
		   f.note_signed ? "t" : "f", f.post_procedure_plan ? "t" : "f",
		   f.conservative_care ? "t" : "f", f.tp_locations ? "t" : "f",
		   f.guidance);
	nr_facts_free(&ba, &f);
	free(text);
}

int
main(int argc, char **argv)
{
	int			i;

	if (argc < 3)
	{
		fprintf(stderr, "usage: bench_notes VOCAB dump|count|speed ...\n");
		return 2;
	}
	load(argv[1]);
	if (strcmp(argv[2], "dump") == 0)
	{
		for (i = 3; i < argc; i++)
			dump(argv[i]);
	}
	else if (strcmp(argv[2], "count") == 0)
	{
		char		line[65536];

		while (fgets(line, sizeof(line), stdin))
		{
			char	   *entries[256];
			int			n = 0;
			char	   *p = line;
			long		c;

			line[strcspn(line, "\n")] = '\0';
			while (*p && n < 256)
			{
				char	   *bar = strchr(p, '|');

				if (bar)
					*bar = '\0';
				entries[n++] = p;
				if (!bar)
					break;
				p = bar + 1;
			}
			c = count_entries(entries, n);
			printf("%ld\t%s\n", c, mp_pick_code(c) ? mp_pick_code(c) : "");
		}
	}
	else if (strcmp(argv[2], "speed") == 0 && argc > 4)
	{
		long		want = atol(argv[3]);
		int			nfiles = argc - 4;
		char	  **texts = b_alloc(NULL, sizeof(char *) * nfiles);
		size_t	   *lens = b_alloc(NULL, sizeof(size_t) * nfiles);
		struct timespec a,
					b;
		double		secs;
		size_t		bytes = 0;
		long		k;

		for (i = 0; i < nfiles; i++)
			texts[i] = read_file(argv[4 + i], &lens[i]);
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
		for (k = 0; k < want; k++)
		{
			NrFacts		f;

			i = (int) (k % nfiles);
			if (!nr_read(vocab, texts[i], lens[i], &ba, &f))
				return 1;
			nr_facts_free(&ba, &f);
			bytes += lens[i];
		}
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
		secs = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
		printf("notes read: %ld in %.3f s of CPU: %.0f notes/s, %.1f MB/s, mean note %.0f bytes\n",
			   want, secs, want / secs, bytes / secs / 1e6, (double) bytes / want);
	}
	return 0;
}
