package io.opsdesk.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.opsdesk.OpsDeskTest;

/** The stored-password check of the prod profile, on the test application's users (demo users on). */
@OpsDeskTest
class DemoPasswordCheckTest {

    private static final String USER = "prodcheck";

    final ProcessEngine engine;
    final IdentityService identity;

    DemoPasswordCheckTest(ProcessEngine engine, IdentityService identity) {
        this.engine = engine;
        this.identity = identity;
    }

    @AfterEach
    void removeUser() {
        identity.deleteUser(USER);
    }

    @Test
    void refusesADemoUserThatStillHasItsDemoPassword() {
        assertThatThrownBy(() -> new DemoPasswordCheck(engine).afterSingletonsInstantiated())
                .isInstanceOf(UnsafeSettingException.class)
                .hasMessageContaining("demo password");
    }

    @Test
    void checkingADifferentPasswordCountsNoFailedLoginAttempt() {
        User user = identity.newUser(USER);
        user.setPassword("a-real-password-of-" + USER);
        identity.saveUser(user);

        assertThat(new DemoPasswordCheck(engine).hasPassword(USER, USER)).isFalse();
        assertThat(new DemoPasswordCheck(engine).hasPassword("alice", "alice")).isTrue();
        assertThat(((UserEntity) identity.createUserQuery().userId(USER).singleResult()).getAttempts()).isZero();
        assertThat(identity.checkPassword(USER, "a-real-password-of-" + USER)).isTrue();
    }
}
