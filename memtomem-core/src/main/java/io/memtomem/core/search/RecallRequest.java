package io.memtomem.core.search;

/**
 * Browse by date, newest first. {@code since}/{@code until} accept YYYY, YYYY-MM, YYYY-MM-DD or an ISO date-time
 * (UTC when no offset); {@code until} is exclusive and a partial date means the end of that period.
 */
public record RecallRequest(String since, String until, String namespace, String sourceFilter, String tagFilter,
                            int limit) {
    public static final int DEFAULT_LIMIT = 20;

    public static RecallRequest recent(int limit) {
        return new RecallRequest(null, null, null, null, null, limit);
    }
}
