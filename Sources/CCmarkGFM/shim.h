#ifndef SITEGEN_CCMARKGFM_SHIM_H
#define SITEGEN_CCMARKGFM_SHIM_H
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The memory of one parse (`CmarkParser.parse`): cmark-gfm allocates its parser, nodes and buffers one by one and
 * frees them one by one, about 2 000 allocations and 2 500 frees for a lesson (190 M instructions of the synthetic
 * course's cold build, and walking the tree to free it 107 M more). From this allocator it takes memory from large
 * chunks instead, frees nothing, and `sitegen_arena_release` frees the chunks when the parse is done: the parser and
 * its tree at once, never walked.
 *
 * cmark's allocator functions take no context, so a parse's chunks hang from a thread-local variable: a parse runs on
 * one thread from `cmark_parser_new_with_mem` to `sitegen_arena_release`, and parses on other threads have their own.
 * These functions are `static`: each Swift file that calls them gets its own copy, thread-local included, so the one
 * that takes the allocator (CmarkParser.swift) is the one that releases it. */

/* A chunk: its allocations follow this 32-byte header (so they stay 16-byte aligned), each after 16 bytes that hold
 * its size (for realloc). */
typedef struct sitegen_arena_chunk {
    struct sitegen_arena_chunk *previous;
    size_t used;
    size_t capacity;
    size_t unused;
} sitegen_arena_chunk;

/* This thread's current chunk (a static inside a function: Swift emits no file-level static variable of a header). */
static inline sitegen_arena_chunk **sitegen_arena_current(void) {
    static _Thread_local sitegen_arena_chunk *current;
    return &current;
}

enum { sitegen_arena_header = 16, sitegen_arena_first_chunk = 64 * 1024 };

/* As cmark's own allocator does when the system has no memory left. */
static inline void sitegen_arena_fail(void) {
    fprintf(stderr, "[cmark] out of memory in sitegen's parse arena, aborting\n");
    abort();
}

/* `size` bytes, 16-byte aligned, from the current chunk or a new one (at least twice the last). Not zeroed. */
static inline void *sitegen_arena_allocate(size_t size) {
    if (size > SIZE_MAX / 4) sitegen_arena_fail();
    size_t needed = sitegen_arena_header + ((size + 15) & ~(size_t)15);
    sitegen_arena_chunk *chunk = *sitegen_arena_current();
    if (chunk == NULL || chunk->capacity - chunk->used < needed) {
        size_t capacity = chunk == NULL ? sitegen_arena_first_chunk : 2 * chunk->capacity;
        if (capacity < needed) capacity = needed;
        sitegen_arena_chunk *fresh = (sitegen_arena_chunk *)malloc(sizeof(sitegen_arena_chunk) + capacity);
        if (fresh == NULL) sitegen_arena_fail();
        fresh->previous = chunk;
        fresh->used = 0;
        fresh->capacity = capacity;
        *sitegen_arena_current() = chunk = fresh;
    }
    unsigned char *block = (unsigned char *)(chunk + 1) + chunk->used;
    chunk->used += needed;
    *(size_t *)block = size;
    return block + sitegen_arena_header;
}

static inline void *sitegen_arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / size) sitegen_arena_fail();
    void *memory = sitegen_arena_allocate(count * size);
    memset(memory, 0, count * size);
    return memory;
}

/* Grows the last allocation of the chunk where it is when the chunk has room; otherwise copies to a new one. */
static inline void *sitegen_arena_realloc(void *memory, size_t size) {
    if (memory == NULL) return sitegen_arena_allocate(size);
    size_t *old_size = (size_t *)((unsigned char *)memory - sitegen_arena_header);
    sitegen_arena_chunk *chunk = *sitegen_arena_current();
    unsigned char *end = (unsigned char *)(chunk + 1) + chunk->used;
    size_t old_rounded = (*old_size + 15) & ~(size_t)15;
    if ((unsigned char *)memory + old_rounded == end && size <= SIZE_MAX / 4) {
        size_t rounded = (size + 15) & ~(size_t)15;
        if (rounded <= old_rounded || rounded - old_rounded <= chunk->capacity - chunk->used) {
            chunk->used = chunk->used - old_rounded + rounded;
            *old_size = size;
            return memory;
        }
    }
    void *moved = sitegen_arena_allocate(size);
    memcpy(moved, memory, *old_size < size ? *old_size : size);
    return moved;
}

/* Nothing: the memory goes with its chunk. */
static inline void sitegen_arena_free(void *memory) { (void)memory; }

/* The allocator to give `cmark_parser_new_with_mem`. */
static inline cmark_mem *sitegen_arena_allocator(void) {
    static cmark_mem allocator = {sitegen_arena_calloc, sitegen_arena_realloc, sitegen_arena_free};
    return &allocator;
}

/* Frees every chunk of this thread's parse: all that cmark allocated since the last release. */
static inline void sitegen_arena_release(void) {
    sitegen_arena_chunk *chunk = *sitegen_arena_current();
    while (chunk != NULL) {
        sitegen_arena_chunk *previous = chunk->previous;
        free(chunk);
        chunk = previous;
    }
    *sitegen_arena_current() = NULL;
}
#endif
