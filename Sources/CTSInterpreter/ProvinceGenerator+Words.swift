/// The words a generated province is made of: places, names, topics and texts. Only data.
///
/// Names are the common surnames and given-name characters of mainland China, with their
/// pinyin plain (as on a passport) and with tone marks (for the few cadres written so).
extension ProvinceGenerator {
    /// A syllable or a word in three spellings.
    struct Word {
        let hanzi: String
        let pinyin: String
        let toned: String

        init(_ hanzi: String, _ pinyin: String, _ toned: String) {
            self.hanzi = hanzi
            self.pinyin = pinyin
            self.toned = toned
        }
    }

    /// A place: its names and the short code its unit ids start with.
    struct Place {
        let english: String
        let chinese: String
        let code: String

        init(_ english: String, _ chinese: String, _ code: String) {
            self.english = english
            self.chinese = chinese
            self.code = code
        }
    }

    /// Surnames, the most common first (``ProvinceGenerator`` draws the front of the list more
    /// often), with two compound ones at the end.
    static let surnames: [Word] = [
        Word("王", "Wang", "Wáng"), Word("李", "Li", "Lǐ"), Word("张", "Zhang", "Zhāng"),
        Word("刘", "Liu", "Liú"), Word("陈", "Chen", "Chén"), Word("杨", "Yang", "Yáng"),
        Word("黄", "Huang", "Huáng"), Word("赵", "Zhao", "Zhào"), Word("吴", "Wu", "Wú"),
        Word("周", "Zhou", "Zhōu"), Word("徐", "Xu", "Xú"), Word("孙", "Sun", "Sūn"),
        Word("马", "Ma", "Mǎ"), Word("朱", "Zhu", "Zhū"), Word("胡", "Hu", "Hú"),
        Word("郭", "Guo", "Guō"), Word("何", "He", "Hé"), Word("林", "Lin", "Lín"),
        Word("罗", "Luo", "Luó"), Word("高", "Gao", "Gāo"), Word("郑", "Zheng", "Zhèng"),
        Word("梁", "Liang", "Liáng"), Word("谢", "Xie", "Xiè"), Word("宋", "Song", "Sòng"),
        Word("唐", "Tang", "Táng"), Word("许", "Xu", "Xǔ"), Word("韩", "Han", "Hán"),
        Word("冯", "Feng", "Féng"), Word("邓", "Deng", "Dèng"), Word("曹", "Cao", "Cáo"),
        Word("彭", "Peng", "Péng"), Word("曾", "Zeng", "Zēng"), Word("吕", "Lyu", "Lǚ"),
        Word("苏", "Su", "Sū"), Word("卢", "Lu", "Lú"), Word("蒋", "Jiang", "Jiǎng"),
        Word("蔡", "Cai", "Cài"), Word("贾", "Jia", "Jiǎ"), Word("丁", "Ding", "Dīng"),
        Word("魏", "Wei", "Wèi"), Word("薛", "Xue", "Xuē"), Word("叶", "Ye", "Yè"),
        Word("余", "Yu", "Yú"), Word("潘", "Pan", "Pān"), Word("杜", "Du", "Dù"),
        Word("戴", "Dai", "Dài"), Word("夏", "Xia", "Xià"), Word("钟", "Zhong", "Zhōng"),
        Word("汪", "Wang", "Wāng"), Word("田", "Tian", "Tián"), Word("任", "Ren", "Rén"),
        Word("姜", "Jiang", "Jiāng"), Word("范", "Fan", "Fàn"), Word("方", "Fang", "Fāng"),
        Word("石", "Shi", "Shí"), Word("姚", "Yao", "Yáo"), Word("谭", "Tan", "Tán"),
        Word("廖", "Liao", "Liào"), Word("邹", "Zou", "Zōu"), Word("熊", "Xiong", "Xióng"),
        Word("金", "Jin", "Jīn"), Word("陆", "Lu", "Lù"), Word("孔", "Kong", "Kǒng"),
        Word("白", "Bai", "Bái"), Word("崔", "Cui", "Cuī"), Word("康", "Kang", "Kāng"),
        Word("毛", "Mao", "Máo"), Word("邱", "Qiu", "Qiū"), Word("秦", "Qin", "Qín"),
        Word("顾", "Gu", "Gù"), Word("侯", "Hou", "Hóu"), Word("邵", "Shao", "Shào"),
        Word("孟", "Meng", "Mèng"), Word("龙", "Long", "Lóng"), Word("段", "Duan", "Duàn"),
        Word("雷", "Lei", "Léi"), Word("钱", "Qian", "Qián"), Word("汤", "Tang", "Tāng"),
        Word("易", "Yi", "Yì"), Word("常", "Chang", "Cháng"), Word("武", "Wu", "Wǔ"),
        Word("乔", "Qiao", "Qiáo"), Word("贺", "He", "Hè"), Word("龚", "Gong", "Gōng"),
        Word("文", "Wen", "Wén"), Word("欧阳", "Ouyang", "Ōuyáng"), Word("司马", "Sima", "Sīmǎ"),
    ]

    /// Characters of given names; a given name is one or two of them.
    static let givenSyllables: [Word] = [
        Word("伟", "wei", "wěi"), Word("芳", "fang", "fāng"), Word("娜", "na", "nà"),
        Word("敏", "min", "mǐn"), Word("静", "jing", "jìng"), Word("丽", "li", "lì"),
        Word("强", "qiang", "qiáng"), Word("磊", "lei", "lěi"), Word("军", "jun", "jūn"),
        Word("洋", "yang", "yáng"), Word("勇", "yong", "yǒng"), Word("艳", "yan", "yàn"),
        Word("杰", "jie", "jié"), Word("娟", "juan", "juān"), Word("涛", "tao", "tāo"),
        Word("明", "ming", "míng"), Word("超", "chao", "chāo"), Word("秀", "xiu", "xiù"),
        Word("兰", "lan", "lán"), Word("霞", "xia", "xiá"), Word("平", "ping", "píng"),
        Word("刚", "gang", "gāng"), Word("桂", "gui", "guì"), Word("英", "ying", "yīng"),
        Word("华", "hua", "huá"), Word("建", "jian", "jiàn"), Word("国", "guo", "guó"),
        Word("文", "wen", "wén"), Word("辉", "hui", "huī"), Word("玲", "ling", "líng"),
        Word("红", "hong", "hóng"), Word("海", "hai", "hǎi"), Word("波", "bo", "bō"),
        Word("宇", "yu", "yǔ"), Word("鹏", "peng", "péng"), Word("志", "zhi", "zhì"),
        Word("峰", "feng", "fēng"), Word("晓", "xiao", "xiǎo"), Word("春", "chun", "chūn"),
        Word("婷", "ting", "tíng"), Word("斌", "bin", "bīn"), Word("慧", "hui", "huì"),
        Word("新", "xin", "xīn"), Word("德", "de", "dé"), Word("荣", "rong", "róng"),
        Word("东", "dong", "dōng"), Word("梅", "mei", "méi"), Word("雪", "xue", "xuě"),
        Word("佳", "jia", "jiā"), Word("浩", "hao", "hào"), Word("宁", "ning", "níng"),
        Word("安", "an", "ān"), Word("和", "he", "hé"), Word("爱", "ai", "ài"),
    ]

    static let province = Place("Jiangnan", "江南", "jn")

    static let cities: [Place] = [
        Place("Qinghe", "清河", "qh"), Place("Baishan", "白山", "bs"), Place("Longquan", "龙泉", "lq"),
        Place("Songyang", "松阳", "sy"), Place("Huaiyuan", "怀远", "hy"), Place("Dongting", "洞庭", "dt"),
        Place("Jinxi", "金溪", "jx"), Place("Yunfeng", "云峰", "yf"), Place("Taoyuan", "桃源", "ty"),
        Place("Lishui", "丽水", "ls"), Place("Anping", "安平", "ap"), Place("Fuhai", "福海", "fh"),
        Place("Changle", "长乐", "cl"), Place("Xinning", "新宁", "xn"), Place("Pingjiang", "平江", "pj"),
        Place("Shuangliu", "双流", "sl"),
    ]

    static let counties: [Place] = [
        Place("Donghu", "东湖", "dh"), Place("Xishan", "西山", "xs"), Place("Nanling", "南岭", "nl"),
        Place("Beitang", "北塘", "bt"), Place("Shimen", "石门", "sm"), Place("Qingyang", "青阳", "qy"),
        Place("Yonghe", "永和", "yh"), Place("Ningyuan", "宁远", "ny"), Place("Fengcheng", "丰城", "fc"),
        Place("Gao'an", "高安", "ga"), Place("Shanglin", "上林", "sn"), Place("Taihe", "泰和", "th"),
        Place("Wuning", "武宁", "wn"), Place("Linchuan", "临川", "lc"), Place("Jishui", "吉水", "js"),
        Place("Ruijin", "瑞金", "rj"), Place("Yushan", "玉山", "ys"), Place("Guangchang", "广昌", "gc"),
        Place("Dexing", "德兴", "dx"), Place("Anfu", "安福", "af"), Place("Wanzai", "万载", "wz"),
        Place("Tonggu", "铜鼓", "tg"), Place("Xiushui", "修水", "xw"), Place("Longnan", "龙南", "ln"),
    ]

    /// The departments of a locality where cadres work: id suffix and name. A county has the
    /// first three, a city and the province all five.
    static let departments: [(code: String, name: String)] = [
        ("fin", "Finance Bureau"), ("edu", "Education Bureau"), ("agr", "Agriculture Bureau"),
        ("ca", "Civil Affairs Bureau"), ("drc", "Development and Reform Commission"),
    ]

    static let topics: [String] = [
        "Public Finance Basics", "Rural Reform", "Rule of Law in Administration",
        "Scientific Outlook on Development", "Urban Planning", "Emergency Management", "Party History",
        "Public Service Ethics", "E-Government", "Ecological Protection", "Poverty Alleviation",
        "Leadership and Decision-Making", "新农村建设专题", "依法行政", "党风廉政建设",
    ]

    static let exemptionReasons: [String] = [
        "Long-term sick leave", "Seconded abroad", "Maternity leave", "Retiring this year",
    ]

    static let inspectionScopes: [String] = [
        "Training files", "Funds and their use", "Course quality", "Annual plan and its execution",
        "Rotation of leading cadres",
    ]

    static let findingTexts: [String] = [
        "Training records incomplete", "Training funds below the budget line",
        "Funds used for purposes other than training", "Leading cadres short of the 5-year hours",
        "Absences not followed by make-up training", "Course fees charged to trainees",
        "Teaching evaluations not filed", "Annual plan not filed on time",
        "No dedicated staff for training management", "Online courses credited without tests",
    ]

    static let practiceTexts: [String] = [
        "Evening classes for grassroots cadres", "Training credits shown in every cadre's file",
        "Online learning platform shared with the counties", "Mentors for newly promoted leaders",
        "Case teaching from local reform projects", "Rotation between townships and city bureaus",
    ]
}
