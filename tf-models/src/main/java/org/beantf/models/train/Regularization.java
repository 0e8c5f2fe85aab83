package org.beantf.models.train;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.beantf.data.BadInputException;
import org.beantf.data.InvalidSettingException;

/** The regularizers of a run, from {@code --reg}: any of bean1 or bean2, dropout, l2, l1; or none. */
public enum Regularization {
  NONE, BEAN1, BEAN2, DROPOUT, L2, L1;

  /** The name used on the command line. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a comma list such as "bean2,dropout"; "vanilla" is an alias of "none", which stands alone.
   *
   * @throws BadInputException for an unknown name, both bean1 and bean2, or none with another
   */
  public static Set<Regularization> parseList(String list) {
    Set<Regularization> parsed = new LinkedHashSet<>();
    for (String item : list.split(",")) {
      String name = item.strip().toLowerCase(Locale.ROOT);
      parsed.add(switch (name) {
        case "none", "vanilla" -> NONE;
        case "bean1" -> BEAN1;
        case "bean2" -> BEAN2;
        case "dropout" -> DROPOUT;
        case "l2" -> L2;
        case "l1" -> L1;
        default -> throw new InvalidSettingException("reg", list, "unknown regularizer '" + item.strip()
            + "' (expected a comma list of none, vanilla, bean1, bean2, dropout, l2, l1)");
      });
    }
    if (parsed.contains(NONE) && parsed.size() > 1) {
      throw new InvalidSettingException("reg", list, "none (vanilla) cannot be combined with other regularizers");
    }
    if (parsed.containsAll(List.of(BEAN1, BEAN2))) {
      throw new InvalidSettingException("reg", list, "choose one of bean1 and bean2");
    }
    parsed.remove(NONE);
    return parsed;
  }

  /** The BEAN order of {@code regs}: 1, 2, or 0 without BEAN. */
  public static int beanOrder(Set<Regularization> regs) {
    return regs.contains(BEAN1) ? 1 : regs.contains(BEAN2) ? 2 : 0;
  }
}
