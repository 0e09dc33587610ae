package io.voucherflow.synthetic;

import java.util.List;
import java.util.random.RandomGenerator;

/** Bank branch names as written on vouchers, e.g. 中国工商银行北京海淀支行. */
public final class BankNames {

  private static final List<String> BANKS =
      List.of(
          "中国工商银行",
          "中国农业银行",
          "中国银行",
          "中国建设银行",
          "交通银行",
          "招商银行",
          "中信银行",
          "兴业银行",
          "中国民生银行",
          "上海浦东发展银行",
          "平安银行",
          "中国光大银行",
          "华夏银行",
          "中国邮政储蓄银行");
  private static final List<String> BRANCHES =
      List.of(
          "分行营业部", "高新区支行", "经济开发区支行", "城东支行", "城西支行", "人民路支行", "中山路支行", "解放路支行", "科技园支行", "新区支行",
          "海淀支行", "南山支行", "江北支行", "金融街支行");

  private BankNames() {}

  /** A branch of a national bank in a random city. */
  public static String branch(RandomGenerator random) {
    return ChineseNames.pick(random, BANKS)
        + ChineseNames.city(random)
        + ChineseNames.pick(random, BRANCHES);
  }
}
