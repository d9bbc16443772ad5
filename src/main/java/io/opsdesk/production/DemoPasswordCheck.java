package io.opsdesk.production;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * In production, refuses to start while a well-known account still has its well-known password: the demo users
 * (password = user id) and {@code admin}/{@code admin}, e.g. left over from a first start without the
 * {@code prod} profile. Runs when every bean exists, before the web server opens its port.
 * <p>
 * The check compares the stored salted hash itself, as Camunda's {@code DbReadOnlyIdentityServiceProvider.matchPassword}
 * does, instead of calling {@code IdentityService.checkPassword}: that would count a failed attempt against a real
 * user whose password is not the demo one, and could lock them out.
 */
@Component
@Profile(ProductionSettingsCheck.PROFILE)
class DemoPasswordCheck implements SmartInitializingSingleton {

    /** user id and the password it has in a demo installation */
    static final Map<String, String> WELL_KNOWN = Map.of(
            "alice", "alice", "bob", "bob", "carol", "carol", "mike", "mike", "admin", "admin");

    private final ProcessEngine engine;

    DemoPasswordCheck(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    public void afterSingletonsInstantiated() {
        WELL_KNOWN.forEach((id, password) -> {
            if (hasPassword(id, password)) {
                throw new UnsafeSettingException("Camunda user '" + id + "'",
                        "still has its demo password; change it in Camunda Admin or delete the user, "
                                + "or start once without the prod profile to do so",
                        "仍在使用演示密码；请在 Camunda Admin 中修改密码或删除该用户");
            }
        });
    }

    boolean hasPassword(String userId, String password) {
        User user = engine.getIdentityService().createUserQuery().userId(userId).singleResult();
        if (!(user instanceof UserEntity stored) || stored.getPassword() == null) {
            return false;
        }
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration.getPasswordManager().check(EncryptionUtil.saltPassword(password, stored.getSalt()), stored.getPassword());
    }
}
