package io.opsdesk.production;

/**
 * The {@code prod} profile refuses to start with a setting that is unsafe in production; the message names the
 * setting (and its environment variable) and says what to do, in English and Chinese.
 */
public class UnsafeSettingException extends RuntimeException {

    private final String setting;

    UnsafeSettingException(String setting, String problem, String problemZh) {
        super("Unsafe production setting " + setting + ": " + problem + " / 生产环境设置不安全 " + setting + "：" + problemZh);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
