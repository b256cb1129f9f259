package io.memtomem.core.tag;

/**
 * One distinct word of a chunk: {@code tag} is its lower-cased form (what a tag would read), {@code term} the
 * diacritic-free form FTS5's unicode61 tokenizer indexes it under, {@code count} how often it occurs and
 * {@code firstPosition} the index of its first occurrence among the chunk's words (earlier wins a tie).
 */
record ChunkWord(String tag, String term, int count, int firstPosition) {
}
