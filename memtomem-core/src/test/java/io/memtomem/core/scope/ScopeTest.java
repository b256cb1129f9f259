package io.memtomem.core.scope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.memtomem.core.InvalidInputException;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeTest {
    @Test
    void aCommaListNamesScopesCaseInsensitivelyAndNothingMeansEveryScope() {
        assertEquals(EnumSet.of(Scope.USER, Scope.PROJECT_LOCAL), Scope.parseList("scope", "user, PROJECT_LOCAL"));
        assertEquals(Set.of(Scope.PROJECT_SHARED), Scope.parseList("scope", "project_shared"));
        assertEquals(Set.of(), Scope.parseList("scope", null));
        assertEquals(Set.of(), Scope.parseList("scope", "  "));
    }

    @Test
    void anUnknownScopeNamesTheParameterAndTheValidValues() {
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> Scope.parseList("scope", "user,team"));
        assertEquals("scope", error.parameter());
        assertEquals("scope must be one of user, project_shared, project_local, got 'team'", error.getMessage());
        assertTrue(assertThrows(InvalidInputException.class, () -> Scope.parseList("scope", "user,"))
                .getMessage().contains("got ''"));
    }

    @Test
    void theWireNamesAreTheStoredColumnValues() {
        assertEquals("user", Scope.USER.wireName());
        assertEquals("project_shared", Scope.PROJECT_SHARED.wireName());
        assertEquals("project_local", Scope.PROJECT_LOCAL.wireName());
    }
}
