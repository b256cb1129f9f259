package io.memtomem.core.search;

/**
 * Browse by date, newest first. {@code since}/{@code until} accept YYYY, YYYY-MM, YYYY-MM-DD or an ISO date-time
 * (UTC when no offset); {@code until} is exclusive and a partial date means the end of that period. {@code scope} is
 * a comma list of {@code user}, {@code project_shared}, {@code project_local}; null = every scope.
 */
public record RecallRequest(String since, String until, String namespace, String sourceFilter, String tagFilter,
                            int limit, String scope) {
    public static final int DEFAULT_LIMIT = 20;

    /** A browse over every scope. */
    public RecallRequest(String since, String until, String namespace, String sourceFilter, String tagFilter,
                         int limit) {
        this(since, until, namespace, sourceFilter, tagFilter, limit, null);
    }

    public static RecallRequest recent(int limit) {
        return new RecallRequest(null, null, null, null, null, limit);
    }
}
