/*
 * server_file.h
 *		Reading files on the server's file system (loaders.c): who may, and
 *		opening one with the checks COPY FROM a file makes.  Used by the
 *		CMS loaders and read_837p_file().
 */
#ifndef TPI_SERVER_FILE_H
#define TPI_SERVER_FILE_H

#include <stdio.h>

/*
 * ERROR 42501 unless the user is a superuser or a member of
 * pg_read_server_files; the hint names client_fname, the function that
 * takes the file's content from the client.
 */
extern void tpi_check_read_privilege(const char *fname, const char *client_fname);

/* AllocateFile()'d (freed at transaction end); ERROR when it can't be read. */
extern FILE *tpi_open_server_file(const char *path, size_t *size);

#endif							/* TPI_SERVER_FILE_H */
