package io.voucherflow.synthetic;

import java.util.List;
import java.util.random.RandomGenerator;

/** Plausible Chinese personal and company names for synthetic vouchers. */
public final class ChineseNames {

  private static final String SURNAMES =
      "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
          + "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔汤";
  private static final List<String> DOUBLE_SURNAMES = List.of("欧阳", "司马", "上官", "诸葛", "东方");
  private static final String GIVEN =
      "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚英华文辉鹏飞斌宇浩凯秀兰玉萍红建国志海峰晨雪琳婷俊晓东" + "亮波宁欣颖佳瑞嘉子涵梓萱雨轩一诺思远家豪";
  private static final List<String> CITIES =
      List.of(
          "北京", "上海", "广州", "深圳", "杭州", "南京", "成都", "武汉", "西安", "天津", "苏州", "重庆", "长沙", "郑州", "济南",
          "青岛", "厦门", "合肥", "福州", "宁波");
  private static final List<String> BRANDS =
      List.of(
          "华信", "恒达", "远景", "鑫源", "金桥", "宏图", "联创", "汇通", "瑞丰", "新元", "中科", "天成", "博雅", "盛世", "嘉禾",
          "东方", "永泰", "海川", "正和", "锦程", "润泽", "星辰", "凯旋", "万通");
  private static final List<String> TRADES =
      List.of(
          "科技", "贸易", "建设工程", "物流", "商贸", "电子", "食品", "医药", "机械设备", "文化传媒", "信息技术", "建材", "服装",
          "环保科技", "餐饮管理", "实业", "投资咨询", "新能源");
  private static final List<String> FORMS = List.of("有限公司", "有限公司", "有限责任公司", "股份有限公司");

  private ChineseNames() {}

  /** A personal name of two to four characters, e.g. 张伟 or 欧阳子涵. */
  public static String person(RandomGenerator random) {
    String surname =
        random.nextInt(40) == 0
            ? pick(random, DOUBLE_SURNAMES)
            : String.valueOf(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
    int given = random.nextInt(3) == 0 ? 1 : 2;
    StringBuilder name = new StringBuilder(surname);
    for (int i = 0; i < given; i++) {
      name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
    }
    return name.toString();
  }

  /** A company name such as 北京华信科技有限公司. */
  public static String company(RandomGenerator random) {
    return pick(random, CITIES) + pick(random, BRANDS) + pick(random, TRADES) + pick(random, FORMS);
  }

  /** A city name, shared with {@link BankNames} so a payer's bank can sit in its city. */
  static String city(RandomGenerator random) {
    return pick(random, CITIES);
  }

  static <T> T pick(RandomGenerator random, List<T> items) {
    return items.get(random.nextInt(items.size()));
  }
}
