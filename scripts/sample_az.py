"""Azerbaijani (Latin script) texts of the sample data set.

ARTICLES is keyed by the English slug (sample_articles.py), which is how the
generator pairs translations; each entry has its own Azerbaijani slug.
Gallery entries are (alt, caption) in the order of the English gallery.
"""

SITE = {
    "name": "Azərbaycan Respublikasının Dövlət Miqrasiya Xidməti",
    "logo_alt": "Dövlət Miqrasiya Xidmətinin emblemi",
    "credit": "Dövlət Miqrasiya Xidmətinin mətbuat xidməti",
}

ARTICLES = {
    "sms-icmpd-cooperation": {
        "slug": "dmx-ve-icmpd-emekdasligi",
        "title": "Dövlət Miqrasiya Xidməti ilə Beynəlxalq Miqrasiya Siyasətinin İnkişafı Mərkəzi arasında əməkdaşlıq müzakirə olunub",
        "summary": "Dövlət Miqrasiya Xidmətinin rəisi Vüsal Hüseynov ICMPD-nin regional portfel meneceri Violeta Vaqnerin rəhbərlik etdiyi nümayəndə heyəti ilə videogörüş keçirib.",
        "tags": ["ICMPD", "beynəlxalq əməkdaşlıq", "RESTART", "MOBILAZE", "ETIMAD"],
        "alt": "İllüstrasiya: yan-yana iki videozəng pəncərəsi, hər birində masa arxasında oturan insan siluyeti",
        "caption": "Xidmətin rəisi ilə ICMPD nümayəndə heyəti arasında görüş videobağlantı vasitəsilə keçirilib.",
        "gallery": [
            ("İllüstrasiya: dəyirmi möhürlü layihə sənədləri qovluğu", "RESTART və MOBILAZE layihələrinin sənədləri."),
            ("İllüstrasiya: ekranında onlayn müraciət forması olan noutbuk",
             "Əcnəbilərə və vətəndaşlığı olmayan şəxslərə elektron xidmətlər tam onlayn göstərilir."),
        ],
        "body": [
            "<p>Azərbaycan Respublikası Dövlət Miqrasiya Xidmətinin rəisi, III dərəcəli dövlət miqrasiya xidməti müşaviri <strong>Vüsal Hüseynov</strong> Beynəlxalq Miqrasiya Siyasətinin İnkişafı Mərkəzinin (ICMPD) regional portfel meneceri <strong>Violeta Vaqnerin</strong> rəhbərlik etdiyi nümayəndə heyəti ilə videogörüş keçirib.</p>",
            "<p>Görüşdə Dövlət Miqrasiya Xidməti ilə ICMPD arasında əməkdaşlığın mövcud vəziyyəti və perspektivləri, birgə həyata keçirilən layihələr müzakirə olunub.</p>",
            "<h2>Müzakirə olunan layihələr</h2>",
            "<ul><li><strong>RESTART</strong>: ölkəyə qayıdan Azərbaycan vətəndaşlarının reinteqrasiyasına dəstək;</li><li><strong>MOBILAZE</strong>: Azərbaycan ilə Avropa İttifaqı arasında Mobillik üzrə Tərəfdaşlığın həyata keçirilməsinə dəstək;</li><li><strong>ETIMAD</strong> (planlaşdırılır): miqrasiya və sərhəd idarəçiliyi sahəsində texniki və institusional imkanların gücləndirilməsi.</li></ul>",
            "<p>Vüsal Hüseynov qeyd edib ki, COVID-19 pandemiyasının ilk günlərindən əcnəbilərə və vətəndaşlığı olmayan şəxslərə göstərilən elektron xidmətlər tam onlayn rejimə keçirilib və müraciətlər Xidmətə gəlmədən təqdim edilib nəticələri alına bilir.</p>",
            "<p>Violeta Vaqner sıx əməkdaşlığa görə Xidmətə təşəkkür edib və birgə layihələrin uğurla davam edəcəyinə əminliyini ifadə edib. Mərkəzin fəaliyyəti haqqında ətraflı məlumatı <a href=\"https://www.icmpd.org/\">ICMPD-nin saytında</a> tapmaq olar.</p>",
        ],
    },
    "new-year-working-hours": {
        "slug": "yeni-il-tetilinden-sonra-is-rejimi",
        "title": "Miqrasiya Xidməti Yeni il bayramından sonra adi iş rejiminə qayıdır",
        "summary": "Regional idarələr və Bakı Miqrasiya Mərkəzi yenidən adi qrafiklə işləyir; elektron xidmətlər bayram günlərində də fəaliyyət göstərib.",
        "alt": "İllüstrasiya: iş günü qeyd olunmuş divar təqvimi",
        "body": [
            "<p>Dövlət Miqrasiya Xidməti məlumat verir ki, 9 yanvardan bütün regional miqrasiya idarələri və Bakı Miqrasiya Mərkəzi vətəndaşları, əcnəbiləri və vətəndaşlığı olmayan şəxsləri adi qrafiklə, bazar ertəsindən cüməyədək saat 09:00-dan 18:00-dək qəbul edir.</p>",
            "<p>Müvəqqəti və daimi yaşamaq icazələri, olduğu yer üzrə qeydiyyat və digər elektron xidmətlər bayram günlərində də əlçatan olub.</p>",
        ],
    },
    "residence-permits-2023-statistics": {
        "slug": "yasamaq-icazeleri-2023-yekunlar",
        "title": "2023-cü ildə yaşamaq icazəsi üçün müraciətlər: ilin yekunları",
        "summary": "Ötən il müvəqqəti yaşamaq icazəsi üçün müraciətlərin əksəriyyəti elektron qaydada təqdim olunub, baxılma müddəti isə qısalıb.",
        "alt": "İllüstrasiya: yüksələn sütunlu diaqram",
        "caption": "Elektron müraciətlərin aylar üzrə payı, 2023-cü il.",
        "body": [
            "<p>2023-cü ildə Xidmətə yüzdən çox ölkənin vətəndaşlarından müvəqqəti və daimi yaşamaq icazəsi üçün müraciətlər daxil olub. Müraciətlərin böyük hissəsi elektron xidmətlər portalı vasitəsilə təqdim edilib.</p>",
            "<h2>Baxılma müddəti qısalıb</h2>",
            "<p>Digər dövlət orqanları ilə məlumatların elektron mübadiləsi sayəsində müraciətə baxılmanın orta müddəti əvvəlki illə müqayisədə azalıb. Müraciət edənlər müraciətin hər mərhələsi barədə elektron poçt və SMS vasitəsilə məlumatlandırılır.</p>",
            "<p>Xidmət 2024-cü ildə də elektron xidmətlərin siyahısını genişləndirəcək.</p>",
        ],
    },
    "operational-measures-baku-january": {
        "slug": "bakida-qeyri-qanuni-miqrasiyaya-qarsi-tedbirler",
        "title": "Bakıda qeyri-qanuni miqrasiyaya qarşı əməliyyat tədbirləri keçirilib",
        "summary": "Əməkdaşlar ölkədə miqrasiya qaydalarını pozaraq yaşayan əcnəbiləri müəyyən edib; Miqrasiya Məcəlləsinə uyğun qərarlar qəbul olunub.",
        "alt": "İllüstrasiya: ulduzlu xidməti döş nişanı",
        "body": [
            "<p>Qeyri-qanuni miqrasiyaya qarşı mübarizə tədbirləri çərçivəsində Dövlət Miqrasiya Xidməti Bakının bir sıra rayonlarında əməliyyat-profilaktik tədbirlər keçirib.</p>",
            "<p>Qeydiyyatsız və ya müddəti bitmiş icazə ilə yaşadığı müəyyən edilən əcnəbilər və vətəndaşlığı olmayan şəxslər Miqrasiya Məcəlləsinə və İnzibati Xətalar Məcəlləsinə uyğun olaraq inzibati məsuliyyətə cəlb olunub. Qanunla nəzərdə tutulan hallarda inzibati qaydada ölkədən çıxarılma barədə qərarlar qəbul edilib.</p>",
            "<p>Xidmət işəgötürənlərə xatırladır ki, iş icazəsi olmayan əcnəbi işçilərin işə götürülməsi qadağandır.</p>",
        ],
    },
    "iom-mission-meeting": {
        "slug": "bmt-missiya-rehberi-ile-gorus",
        "title": "Beynəlxalq Miqrasiya Təşkilatının missiya rəhbəri ilə görüş keçirilib",
        "summary": "Tərəflər miqrasiya məlumatları, könüllü qayıdışa yardım və miqrasiya əməkdaşlarının təlimi üzrə birgə layihələri müzakirə ediblər.",
        "alt": "İllüstrasiya: qlobusun önündə əl sıxışan iki əl",
        "caption": "Xidmətin və BMqT-nin nümayəndələri görüş zamanı.",
        "body": [
            "<p>Dövlət Miqrasiya Xidməti rəisinin müavini Beynəlxalq Miqrasiya Təşkilatının (BMqT) Azərbaycandakı missiyasının rəhbəri ilə görüşüb.</p>",
            "<p>Görüşdə miqrasiya məlumatlarının idarə olunması, miqrantların könüllü qayıdışına və reinteqrasiyasına yardım, miqrasiya əməkdaşları üçün təlim proqramları üzrə birgə iş müzakirə olunub. Tərəflər 2024-cü il üçün birgə tədbirlər planı hazırlamağa razılaşıblar.</p>",
        ],
    },
    "registration-at-place-of-stay-reminder": {
        "slug": "olduqu-yer-uzre-qeydiyyat-xatirlatma",
        "title": "Xatırlatma: əcnəbilər olduqları yer üzrə qeydiyyata alınmalıdır",
        "summary": "Azərbaycanda 15 gündən artıq qalan əcnəbilər və vətəndaşlığı olmayan şəxslər olduqları yer üzrə qeydiyyata alınmalıdır; qeydiyyatı onlayn etmək mümkündür.",
        "alt": "İllüstrasiya: üzərində məkan nişanı olan ev",
        "body": [
            "<p>Dövlət Miqrasiya Xidməti xatırladır ki, Azərbaycan Respublikasında 15 gündən artıq qalan əcnəbilər və vətəndaşlığı olmayan şəxslər olduqları yer üzrə qeydiyyata alınmalıdırlar.</p>",
            "<p>Müraciəti yaşayış yerinin mülkiyyətçisi, mehmanxana və ya qəbul edən təşkilat təqdim edir; bunu Xidmətin portalı vasitəsilə elektron qaydada etmək mümkündür. Qeydiyyatdan keçməmək həm əcnəbi, həm də qəbul edən tərəf üçün inzibati məsuliyyətə səbəb olur.</p>",
            "<blockquote><p>Onlayn qeydiyyat bir neçə dəqiqə çəkir və əcnəbinin ölkədə olduğu müddətdə hüquqlarını qoruyur.</p></blockquote>",
        ],
    },
    "unhcr-training-refugee-status": {
        "slug": "bmt-qak-ile-qacqin-statusu-telimi",
        "title": "BMT QAK ilə birgə qaçqın statusunun müəyyən edilməsinə dair təlim keçirilib",
        "summary": "Xidmətin əməkdaşları qaçqın statusunun müəyyən edilməsinin beynəlxalq standartlarına dair üçgünlük kursda iştirak ediblər.",
        "alt": "İllüstrasiya: sıralanmış stulların qarşısında təqdimat ekranı",
        "caption": "Təlim kursunun iştirakçıları.",
        "body": [
            "<p>BMT-nin Qaçqınlar üzrə Ali Komissarlığının (BMT QAK) Azərbaycandakı nümayəndəliyi ilə birgə Dövlət Miqrasiya Xidmətinin əməkdaşları üçün qaçqın statusunun müəyyən edilməsinə dair üçgünlük təlim kursu keçirilib.</p>",
            "<p>Kursda müsahibə aparma üsulları, mənşə ölkəsi haqqında məlumatların qiymətləndirilməsi və həssas qrupdan olan müraciətçilərin müdafiəsi mövzuları əhatə olunub. Kursun sonunda iştirakçılara sertifikatlar təqdim edilib.</p>",
        ],
    },
    "uzbekistan-delegation-visit": {
        "slug": "ozbekistan-numayende-heyetinin-seferi",
        "title": "Özbəkistanın Miqrasiya Agentliyinin nümayəndə heyəti Xidmətdə səfərdə olub",
        "summary": "Qonaqlar Bakı Miqrasiya Mərkəzinin işi və əcnəbilər üçün elektron xidmətlərlə tanış olublar.",
        "alt": "İllüstrasiya: sütunlu və bayraqlı dövlət binası",
        "body": [
            "<p>Özbəkistan Respublikasının Xarici Əmək Miqrasiyası Agentliyinin nümayəndə heyəti Dövlət Miqrasiya Xidmətində səfərdə olub.</p>",
            "<p>Səfər zamanı qonaqlara miqrasiya xidmətlərinin göstərilməsində \"bir pəncərə\" prinsipi, Xidmətin elektron informasiya sistemi və Bakı Miqrasiya Mərkəzinin fəaliyyəti barədə məlumat verilib. Tərəflər əmək miqrasiyası sahəsində əməkdaşlıqla bağlı fikir mübadiləsi aparıblar.</p>",
        ],
    },
    "novruz-holiday-schedule": {
        "slug": "novruz-bayraminda-is-qrafiki",
        "title": "Novruz bayramı günlərində iş qrafiki",
        "summary": "Bayram günlərində idarələr qəbul aparmayacaq; müraciətlər elektron qaydada təqdim oluna bilər, çağrı mərkəzi isə işləməyə davam edir.",
        "alt": "İllüstrasiya: üzərində yaz çiçəyi olan təqvim vərəqi",
        "body": [
            "<p>Novruz bayramı ilə əlaqədar qanunla müəyyən edilmiş bayram günlərində Xidmətin regional idarələri və Bakı Miqrasiya Mərkəzi vətəndaş qəbulu aparmayacaq.</p>",
            "<p>Elektron müraciətləri istənilən vaxt təqdim etmək olar. Bayram gününə düşən müddətlər növbəti iş gününə keçir. Xidmətin çağrı mərkəzi suallara cavab verməyə davam edir.</p>",
        ],
    },
    "labour-migration-quota-2024": {
        "slug": "2024-cu-il-ucun-emek-miqrasiyasi-kvotasi",
        "title": "2024-cü il üçün əmək miqrasiyası kvotası müəyyən edilib",
        "summary": "Kvota bu il əcnəbilərə iqtisadiyyatın sahələri üzrə verilə biləcək iş icazələrinin sayını müəyyən edir.",
        "alt": "İllüstrasiya: sektorlara bölünmüş dairəvi diaqram",
        "caption": "Kvota iqtisadiyyatın sahələri üzrə bölüşdürülür.",
        "body": [
            "<p>2024-cü il üçün əmək miqrasiyası kvotası müəyyən edilib. Kvota il ərzində iş icazəsi verilə biləcək əcnəbilərin və vətəndaşlığı olmayan şəxslərin maksimum sayını müəyyən edir.</p>",
            "<p>İşəgötürənlər iş icazəsi üçün elektron qaydada müraciət edə bilərlər. Daimi yaşamaq icazəsi olan əcnəbilər və Miqrasiya Məcəlləsində göstərilən digər kateqoriyalardan olan şəxslər iş icazəsi almalı deyillər.</p>",
        ],
    },
    "online-queue-baku-migration-centre": {
        "slug": "baki-miqrasiya-merkezinde-onlayn-novbe",
        "title": "Bakı Miqrasiya Mərkəzində onlayn qəbula yazılma tətbiq edilib",
        "summary": "Ziyarətçilər artıq gəlişlərinin vaxtını əvvəlcədən seçə bilirlər və bu, mərkəzdə gözləmə müddətini azaldır.",
        "alt": "İllüstrasiya: ekranında seçilmiş vaxtı olan təqvim göstərən noutbuk",
        "body": [
            "<p>Bakı Miqrasiya Mərkəzində onlayn qəbula yazılma sistemi tətbiq edilib. Ziyarətçilər Xidmətin portalında xidməti, gəliş tarixini və saatını seçir, qeydiyyat nömrəsi ilə təsdiq alırlar.</p>",
            "<p>Əvvəlcədən yazılmayan ziyarətçilər də elektron növbə ardıcıllığı ilə qəbul olunur.</p>",
        ],
    },
    "citizenship-documents-ceremony": {
        "slug": "vetendasliga-qebul-olunanlara-senedler",
        "title": "Vətəndaşlığa qəbul olunan şəxslərə sənədləri təqdim edilib",
        "summary": "Vətəndaşlığa qəbul olunan şəxslərə Azərbaycan Respublikası vətəndaşının şəxsiyyət vəsiqələri təqdim olunub.",
        "alt": "İllüstrasiya: masa üzərində şəxsiyyət vəsiqəsi və pasport",
        "caption": "Sənədlər Xidmətdə keçirilən mərasimdə təqdim edilib.",
        "body": [
            "<p>Dövlət Miqrasiya Xidmətində Prezidentin fərmanı ilə Azərbaycan Respublikasının vətəndaşlığına qəbul olunan şəxslər üçün mərasim keçirilib.</p>",
            "<p>Yeni vətəndaşlar təbrik olunub və onlara şəxsiyyət vəsiqələri təqdim edilib. Onlar göstərilən diqqət və qayğıya görə dövlətə minnətdarlıq ediblər.</p>",
        ],
    },
    "ganja-citizens-reception": {
        "slug": "xidmetin-reisi-gencede-vetendaslari-qebul-edib",
        "title": "Xidmətin rəisi Gəncədə vətəndaşları qəbul edib",
        "summary": "Gəncə və ətraf rayonların sakinləri yaşamaq icazəsi, vətəndaşlıq və qeydiyyatla bağlı məsələlər qaldırıblar.",
        "alt": "İllüstrasiya: qəbul masasının qarşısında gözləyən insanlar",
        "body": [
            "<p>Dövlət Miqrasiya Xidmətinin rəisi Gəncə Regional Miqrasiya İdarəsində vətəndaşların qəbulunu keçirib.</p>",
            "<p>Qaldırılan məsələlər yaşamaq icazələri, vətəndaşlığın bərpası və yaşayış yeri üzrə qeydiyyatla bağlı olub. Müraciətlərin əksəriyyəti yerində həll edilib, digərləri müvafiq şöbələrə tapşırıqlar verilməklə nəzarətə götürülüb.</p>",
        ],
    },
    "readmission-agreement-eu-meeting": {
        "slug": "ai-ile-readmissiya-sazisinin-icrasi",
        "title": "Avropa İttifaqı ilə readmissiya sazişinin icrasına baxılıb",
        "summary": "Azərbaycan və Avropa İttifaqının birgə readmissiya komitəsi Brüsseldə toplanıb.",
        "alt": "İllüstrasiya: iki nöqtə arasında qırıq xətlə marşrut çəkilmiş qlobus",
        "body": [
            "<p>Azərbaycan Respublikası ilə Avropa İttifaqı arasında readmissiya haqqında saziş əsasında yaradılmış birgə readmissiya komitəsinin növbəti iclası keçirilib.</p>",
            "<p>Tərəflər ötən ilin statistikasını, readmissiya sorğularına cavab müddətlərini və işlərin elektron idarəetmə sisteminin tətbiqini nəzərdən keçiriblər. Hər iki tərəf əməkdaşlığın yüksək səviyyəsini qeyd edib.</p>",
        ],
    },
    "human-trafficking-seminar": {
        "slug": "insan-alverinin-qarsisinin-alinmasi-seminari",
        "title": "Regional idarələr üçün insan alverinin qarşısının alınmasına dair seminar keçirilib",
        "summary": "Əməkdaşlar miqrantlar arasında insan alverinin ehtimal olunan qurbanlarını müəyyən etməyi və onları yardıma yönəltməyi öyrəniblər.",
        "alt": "İllüstrasiya: auditoriya qarşısında kürsü arxasında çıxış edən natiq",
        "body": [
            "<p>Regional miqrasiya idarələrinin əməkdaşları üçün insan alverinin qarşısının alınması və miqrantlar arasında qurbanların müəyyən edilməsinə dair seminar keçirilib.</p>",
            "<p>Xüsusi diqqət məcburi əmək əlamətlərinə və ehtimal olunan qurbanların yardım mərkəzinə yönəldilməsi qaydasına yetirilib.</p>",
        ],
    },
    "georgia-psda-cooperation": {
        "slug": "gurcustanin-dovlet-xidmetlerinin-inkisafi-agentliyi-ile-emekdasliq",
        "title": "Gürcüstanın Dövlət Xidmətlərinin İnkişafı Agentliyi ilə əməkdaşlıq müzakirə olunub",
        "summary": "Qurumlar elektron xidmətlər və sənədlərin təhlükəsizliyi sahəsində təcrübə mübadiləsini müzakirə ediblər.",
        "alt": "İllüstrasiya: əl sıxışan iki əl",
        "body": [
            "<p>Gürcüstan Ədliyyə Nazirliyinin Dövlət Xidmətlərinin İnkişafı Agentliyinin nümayəndə heyəti ilə görüş keçirilib.</p>",
            "<p>Tərəflər elektron xidmətlərin göstərilməsi, şəxsiyyəti təsdiq edən sənədlərin təhlükəsizliyi və kadr hazırlığı sahəsində təcrübə mübadiləsini müzakirə ediblər. Bu ilin sonunda birgə seminar keçirilməsi barədə razılıq əldə olunub.</p>",
        ],
    },
    "mobile-migration-service": {
        "slug": "seyyar-miqrasiya-xidmeti-ucqar-rayonlarda",
        "title": "Səyyar miqrasiya xidməti ucqar rayonlara səfər edir",
        "summary": "Xüsusi təchiz olunmuş avtomobil ucqar kəndlərin sakinlərinə regional idarəyə getmədən xidmətlərə müraciət etməyə imkan verir.",
        "alt": "İllüstrasiya: yan tərəfində xidmət pəncərəsi olan mikroavtobus",
        "caption": "Xidmətin səyyar ofisi.",
        "body": [
            "<p>Dövlət Miqrasiya Xidmətinin səyyar miqrasiya xidməti ucqar rayonlara müntəzəm səfərlərə başlayıb.</p>",
            "<p>Avtomobil Xidmətin elektron informasiya sistemi və dövlət reyestrlərinə qoşulma ilə təchiz olunub, buna görə müraciətlər yerində qəbul edilə bilir. Səfərlərin qrafiki əvvəlcədən elan olunur.</p>",
        ],
    },
    "work-permit-online-payment": {
        "slug": "is-icazesi-ucun-dovlet-rusumu-onlayn",
        "title": "İş icazəsi üçün dövlət rüsumunu onlayn ödəmək mümkündür",
        "summary": "İşəgötürənlər artıq müraciət təqdim edərkən iş icazəsi üçün dövlət rüsumunu bank kartı ilə ödəyə bilərlər.",
        "alt": "İllüstrasiya: önündə bank kartı olan noutbuk",
        "body": [
            "<p>Əcnəbi işçi üçün iş icazəsinə müraciət edən işəgötürənlər artıq dövlət rüsumunu müraciəti təqdim edərkən onlayn ödəyə bilərlər.</p>",
            "<p>Ödəniş avtomatik təsdiqlənir; qəbzi əlavə etməyə artıq ehtiyac yoxdur. Bank köçürməsi ilə ödəniş imkanı da saxlanılır.</p>",
        ],
    },
    "stateless-persons-documentation": {
        "slug": "vetendasligi-olmayan-sexslerin-senedlesdirilmesi",
        "title": "Vətəndaşlığı olmayan şəxslər şəxsiyyəti təsdiq edən sənədləri necə ala bilərlər",
        "summary": "Xidmət Azərbaycanda yaşayan vətəndaşlığı olmayan şəxslərin yaşamaq icazəsi və səyahət sənədi alması qaydasını izah edir.",
        "body": [
            "<p>Azərbaycan Respublikasında yaşayan vətəndaşlığı olmayan şəxslər müvəqqəti və ya daimi yaşamaq icazəsi almaq üçün Dövlət Miqrasiya Xidmətinə müraciət edə bilərlər.</p>",
            "<h2>Hansı sənədlər lazımdır</h2>",
            "<ul><li>ərizə-anket;</li><li>varsa, şəxsiyyəti təsdiq edən istənilən sənəd;</li><li>fotoşəkil;</li><li>yaşamaq üçün əsasları təsdiq edən sənədlər.</li></ul>",
            "<p>Şəxsiyyəti təsdiq edən sənəd olmadıqda Xidmət şəxsiyyəti qanunla müəyyən edilmiş qaydada müəyyənləşdirir. Daimi yaşamaq icazəsi olan şəxslər vətəndaşlığı olmayan şəxsin səyahət sənədini ala bilərlər.</p>",
        ],
    },
    "annual-report-2023": {
        "slug": "xidmetin-2023-cu-il-uzre-illik-hesabati",
        "title": "Xidmətin 2023-cü il üzrə illik hesabatı dərc olunub",
        "summary": "Hesabatda Xidmətin yaşamaq icazələri, vətəndaşlıq, qaçqın statusu, əmək miqrasiyası və qeyri-qanuni miqrasiyaya qarşı mübarizə üzrə fəaliyyəti əks olunub.",
        "alt": "İllüstrasiya: üz qabığında diaqram olan cildlənmiş hesabat",
        "body": [
            "<p>Dövlət Miqrasiya Xidməti 2023-cü il üzrə illik hesabatını dərc edib.</p>",
            "<p>Hesabatda yaşamaq icazəsi və vətəndaşlıq üçün müraciətlər, qaçqın statusu ilə bağlı qərarlar, iş icazələri və qeyri-qanuni miqrasiyaya qarşı tədbirlər, həmçinin elektron xidmətlərin inkişafı barədə rəqəmlər təqdim olunub.</p>",
        ],
    },
    "career-day-students": {
        "slug": "telebeler-ucun-karyera-gunu",
        "title": "Universitet tələbələri üçün karyera günü keçirilib",
        "summary": "Hüquq və beynəlxalq münasibətlər ixtisaslarının tələbələri Xidmətdə iş və təcrübə proqramı ilə tanış olublar.",
        "alt": "İllüstrasiya: binanın qarşısında bel çantalı tələbələr",
        "body": [
            "<p>Dövlət Miqrasiya Xidmətində universitet tələbələri üçün karyera günü keçirilib.</p>",
            "<p>Tələbələr Xidmətin strukturu, miqrasiya orqanlarında qulluğa qəbul qaydası və yay təcrübə proqramı ilə tanış olublar. Ən yaxşı təcrübəçilərə vakant vəzifələr üzrə müsabiqədə iştirak etmək təklif olunacaq.</p>",
        ],
    },
    "budapest-process-meeting": {
        "slug": "budapest-prosesinin-toplantisi",
        "title": "Xidmət Budapeşt Prosesinin toplantısında iştirak edib",
        "summary": "Xidmətin nümayəndəsi Azərbaycanın əmək miqrasiyasının idarə olunması sahəsindəki təcrübəsindən danışıb.",
        "alt": "İllüstrasiya: kiçik bayraqlarla əhatə olunmuş qlobus",
        "body": [
            "<p>Dövlət Miqrasiya Xidmətinin nümayəndəsi Budapeşt Prosesinin İpək Yolu regionu üzrə işçi qrupunun toplantısında iştirak edib.</p>",
            "<p>İştirakçılar əmək miqrasiyasının qanuni yollarını, peşə bacarıqlarının tanınmasını və miqrant işçilərin hüquqlarının müdafiəsini müzakirə ediblər.</p>",
        ],
    },
    "summer-visa-overstay-reminder": {
        "slug": "turistlere-qalma-muddeti-xatirladilir",
        "title": "Turistlərə ölkədə icazə verilən qalma müddəti xatırladılır",
        "summary": "Əcnəbilər vizada göstərilən müddət bitənədək ölkəni tərk etməli və ya qalma müddətini uzatmalıdırlar.",
        "alt": "İllüstrasiya: çamadanın üzərində uçan təyyarə",
        "body": [
            "<p>Yay turizm mövsümünün başlaması ilə əlaqədar Dövlət Miqrasiya Xidməti əcnəbi qonaqlara vizada göstərilən və ya vizasız rejim qaydaları ilə icazə verilən qalma müddətinə əməl etməyi xatırladır.</p>",
            "<p>Müvəqqəti olma müddətinin uzadılması üçün müraciəti müddət bitənədək elektron qaydada təqdim etmək olar. Müddəti pozmaq cərimə ilə nəticələnir və ölkəyə girişin qadağan edilməsinə səbəb ola bilər.</p>",
        ],
    },
    "turkey-migration-presidency-talks": {
        "slug": "turkiyenin-miqrasiya-idareciliyi-baskanligi-ile-danisiqlar",
        "title": "Türkiyənin Miqrasiya İdarəçiliyi Başqanlığı ilə danışıqlar aparılıb",
        "summary": "Tərəflər qeyri-qanuni miqrasiyaya qarşı mübarizə və məlumat mübadiləsi məsələlərini müzakirə ediblər.",
        "alt": "İllüstrasiya: iki bayrağın önündə əl sıxışan iki əl",
        "body": [
            "<p>Dövlət Miqrasiya Xidmətinin nümayəndə heyəti Türkiyə Respublikasının Miqrasiya İdarəçiliyi Başqanlığı ilə danışıqlar aparıb.</p>",
            "<p>Tərəflər qeyri-qanuni miqrasiyaya qarşı mübarizədə əməkdaşlığı, məlumat mübadiləsini, elektron xidmətlər sahəsində təcrübə mübadiləsini və kadr hazırlığını müzakirə ediblər.</p>",
        ],
    },
    "school-enrolment-migrant-children": {
        "slug": "ecnebilerin-usaqlarinin-mektebe-qebulu",
        "title": "Əcnəbilərin uşaqlarının məktəbə qəbulu üçün sənədlər",
        "summary": "Azərbaycanda yaşamaq icazəsi ilə yaşayan əcnəbilərin uşaqları ümumtəhsil məktəblərinə qəbul oluna bilər.",
        "alt": "İllüstrasiya: zəngi olan məktəb binası",
        "body": [
            "<p>Yeni tədris ili ərəfəsində Xidmət izah edir ki, yaşamaq icazəsi olan əcnəbilərin və vətəndaşlığı olmayan şəxslərin uşaqları ümumtəhsil məktəblərinə vətəndaşlarla eyni şərtlərlə qəbul oluna bilər.</p>",
            "<p>Bunun üçün uşağın və ya valideynin yaşamaq icazəsi və yaşayış yeri üzrə qeydiyyat tələb olunur.</p>",
        ],
    },
    "service-satisfaction-survey": {
        "slug": "sorgu-ziyaretcilerin-coxu-xidmetlerden-razidir",
        "title": "Sorğu: ziyarətçilərin əksəriyyəti xidmətlərdən razıdır",
        "summary": "Ziyarətçilər gözləmə müddətini, əməkdaşların nəzakətini və məlumatın aydınlığını qiymətləndiriblər.",
        "alt": "İllüstrasiya: sütunlu diaqramın üzərində beş ulduz",
        "body": [
            "<p>Bakı Miqrasiya Mərkəzinin və regional idarələrin ziyarətçiləri arasında keçirilən sorğunun nəticələri yekunlaşdırılıb.</p>",
            "<p>Respondentlərin əksəriyyəti xidmətin keyfiyyətindən razı qalıb. Təkliflər şənbə günləri iş saatlarının uzadılması, ingilis və rus dillərində daha çox məlumat verilməsi ilə bağlı olub; Xidmət bu təklifləri nəzərdən keçirəcək.</p>",
        ],
    },
    "regional-office-lankaran": {
        "slug": "lenkeranda-yenilenmis-regional-miqrasiya-idaresi",
        "title": "Lənkəranda təmirdən sonra regional miqrasiya idarəsi açılıb",
        "summary": "İdarə cənub regionunun sakinlərinə miqrasiya xidmətlərinin tam spektrini göstərir.",
        "alt": "İllüstrasiya: geniş pəncərəli müasir ofis binası",
        "caption": "Regional idarənin təmir olunmuş binası.",
        "body": [
            "<p>Lənkərandakı Cənub Regional Miqrasiya İdarəsi təmirdən sonra yenidən istifadəyə verilib.</p>",
            "<p>Binada əlilliyi olan şəxslər üçün əlçatan giriş, elektron növbə sistemli gözləmə zalı və müsahibələr üçün ayrıca otaqlar var.</p>",
        ],
    },
    "cop29-participants-migration-services": {
        "slug": "cop29-istirakcilari-ucun-miqrasiya-xidmetleri",
        "title": "COP29 iştirakçıları üçün miqrasiya xidmətləri izah olunub",
        "summary": "Bakıda keçiriləcək iqlim konfransının iştirakçıları və qonaqları ölkəyə giriş və qalma qaydaları barədə məlumatı çağrı mərkəzindən ala bilərlər.",
        "alt": "İllüstrasiya: üzərində yarpaq olan qlobus",
        "body": [
            "<p>Dövlət Miqrasiya Xidməti Bakıda keçiriləcək BMT-nin İqlim Dəyişmələri üzrə Çərçivə Konvensiyası Tərəflər Konfransının 29-cu sessiyasının (COP29) iştirakçıları və qonaqları üçün məlumat hazırlayıb.</p>",
            "<p>Qalma müddəti və qeydiyyat barədə məlumatı Xidmətin çağrı mərkəzindən Azərbaycan, ingilis və rus dillərində almaq olar.</p>",
        ],
    },
    "family-reunification-procedure": {
        "slug": "aile-birlesmesi-ucun-yasamaq-icazesi",
        "title": "Ailənin birləşdirilməsi üçün yaşamaq icazəsi: müraciət edənlər nələri bilməlidir",
        "summary": "Vətəndaşların və yaşamaq icazəsi olan əcnəbilərin ailə üzvləri müvəqqəti yaşamaq icazəsi üçün müraciət edə bilərlər.",
        "alt": "İllüstrasiya: evin qarşısında dörd nəfərlik ailə",
        "body": [
            "<p>Azərbaycan Respublikası vətəndaşlarının və ya yaşamaq icazəsi olan əcnəbilərin ailə üzvü olan əcnəbilər ailənin birləşdirilməsi əsasında müvəqqəti yaşamaq icazəsi üçün müraciət edə bilərlər.</p>",
            "<p>Müraciət qohumluq əlaqəsini təsdiq edən sənədlərlə birlikdə elektron qaydada təqdim olunur. İcazə ailə üzvünün icazəsi ilə eyni müddətə verilir.</p>",
        ],
    },
    "call-centre-results-first-half": {
        "slug": "cagri-merkezi-ilin-birinci-yarisinin-yekunlari",
        "title": "Çağrı mərkəzi ilin birinci yarısında minlərlə suala cavab verib",
        "summary": "Zənglərin əksəriyyəti yaşamaq icazələri, olduğu yer üzrə qeydiyyat və iş icazələri ilə bağlı olub.",
        "alt": "İllüstrasiya: danışıq buludları olan telefon dəstəyi",
        "body": [
            "<p>2024-cü ilin birinci yarısında Dövlət Miqrasiya Xidmətinin çağrı mərkəzi yaşamaq icazələri, olduğu yer üzrə qeydiyyat, iş icazələri və vətəndaşlıqla bağlı suallara cavab verib.</p>",
            "<p>Suallar Azərbaycan, ingilis və rus dillərində cavablandırılır. Yazılı sualları Xidmətin portalındakı elektron qəbul vasitəsilə də göndərmək olar.</p>",
        ],
    },
}

TERMS = {
    "slug": "terms",
    "title": "İstifadəçilər üçün qaydalar",
    "updated": "2024-01-10",
    "body_html": """
<p>Bu qaydalar Azərbaycan Respublikası Dövlət Miqrasiya Xidmətinin (bundan sonra "Xidmət") saytından, o cümlədən onun xəbərlərindən, məlumat səhifələrindən və elektron xidmətlərə keçidlərdən istifadə edən hər kəsə şamil olunur. Saytdan istifadə etməklə siz bu qaydaları qəbul edirsiniz.</p>
<h2>1. Saytın təyinatı</h2>
<p>Sayt vətəndaşları, əcnəbiləri və vətəndaşlığı olmayan şəxsləri Xidmətin fəaliyyəti, miqrasiya qanunvericiliyi və Xidmətin göstərdiyi xidmətlər barədə məlumatlandırır. Saytdakı məlumat ümumi istiqamət vermək üçündür. Rəsmi mənbələrdə dərc olunan hüquqi aktlar bu saytdakı istənilən xülasədən üstündür.</p>
<h2>2. Materiallardan istifadə</h2>
<p>Saytda dərc olunan mətnləri və fotoşəkilləri aşağıdakı şərtlərlə pulsuz təkrar çap etmək, sitat gətirmək və yaymaq olar:</p>
<ul>
<li>mənbə ilkin səhifəyə keçidlə göstərilməlidir;</li>
<li>material mənasını təhrif edəcək şəkildə dəyişdirilməməlidir;</li>
<li>müəllifi üçüncü şəxs olan fotoşəkillərdən yalnız onun icazəsi ilə istifadə olunmalıdır.</li>
</ul>
<p>Xidmətin emblemindən və loqosundan yazılı icazə olmadan rəsmi dəstək təəssüratı yaradacaq şəkildə istifadə etmək olmaz.</p>
<h2>3. Elektron xidmətlər</h2>
<p>Yaşamaq icazəsi, olduğu yer üzrə qeydiyyat, iş icazəsi və digər xidmətlər üçün müraciətlər elektron xidmətlər portalı vasitəsilə təqdim olunur. Orada ayrıca istifadə qaydaları tətbiq edilir və təqdim etdiyiniz məlumatların düzgünlüyünə görə siz məsuliyyət daşıyırsınız.</p>
<h2>4. Digər saytlara keçidlər</h2>
<p>Saytda digər dövlət orqanlarının və beynəlxalq təşkilatların saytlarına keçidlər var. Xidmət həmin saytların məzmununa və onların şəxsi məlumatlarla işləməsinə görə məsuliyyət daşımır.</p>
<h2>5. Əlçatanlıq</h2>
<p>Xidmət saytın əlçatan olması və məlumatların aktual saxlanılması üçün bütün səyləri göstərir, lakin fasiləsiz girişə zəmanət vermir. Planlı texniki işlər mümkün olduqda əvvəlcədən elan edilir.</p>
<h2>6. Əlaqə</h2>
<p>Bu qaydalarla bağlı sualları <a href="mailto:info@migration.gov.az">info@migration.gov.az</a> ünvanına və ya Xidmətin elektron qəbulu vasitəsilə göndərə bilərsiniz.</p>
<h2>7. Qaydalarda dəyişikliklər</h2>
<p>Xidmət bu qaydaları yeniləyə bilər. Son yenilənmə tarixi bu səhifənin yuxarısında göstərilir.</p>
""".strip(),
}

PRIVACY = {
    "slug": "privacy",
    "title": "Məxfilik siyasəti",
    "updated": "2024-01-10",
    "body_html": """
<p>Bu siyasət Azərbaycan Respublikası Dövlət Miqrasiya Xidmətinin (bundan sonra "Xidmət") saytının hansı şəxsi məlumatları, hansı məqsədlə emal etdiyini və sizin hansı hüquqlarınız olduğunu izah edir. Siyasət "Fərdi məlumatlar haqqında" Azərbaycan Respublikasının Qanununa əsaslanır.</p>
<h2>1. Saytı oxuduğunuz zaman nə toplanılır</h2>
<p>Xəbərləri və məlumat səhifələrini oxumaq üçün qeydiyyat tələb olunmur. Veb-server saytı hücumlardan qorumaq və nasazlıqları aradan qaldırmaq üçün texniki jurnalları (IP ünvanı, tarix və vaxt, sorğulanan səhifə və brauzerin identifikasiyası) 90 günədək saxlayır. Jurnallardan ziyarətçiləri müəyyən etmək üçün istifadə olunmur.</p>
<p>Sayt seçdiyiniz dili brauzerinizin yerli yaddaşında (local storage) saxlayır. Reklam və izləmə kukilərindən istifadə edilmir.</p>
<h2>2. Bizə göndərdiyiniz məlumatlar</h2>
<p>Elektron qəbula yazdıqda və ya elektron xidmətlər vasitəsilə müraciət təqdim etdikdə təqdim etdiyiniz məlumatlar (adınız, əlaqə vasitələriniz, şəxsiyyəti təsdiq edən sənədin məlumatları və s.) yalnız sorğunuza və ya müraciətinizə baxılması üçün, Miqrasiya Məcəlləsinin və digər qanunvericilik aktlarının tələb etdiyi qaydada emal olunur.</p>
<h2>3. Məlumatları kim alır</h2>
<p>Şəxsi məlumatlar satılmır və kommersiya məqsədləri üçün üçüncü şəxslərə ötürülmür. Onlar yalnız qanunun tələb etdiyi hallarda, məsələn, müraciətlə təqdim olunan sənədlərin yoxlanılması üçün digər dövlət orqanlarına ötürülə bilər.</p>
<h2>4. Məlumatlar nə qədər saxlanılır</h2>
<table>
<thead><tr><th>Məlumat</th><th>Saxlanma müddəti</th></tr></thead>
<tbody>
<tr><td>Serverin texniki jurnalları</td><td>90 gün</td></tr>
<tr><td>Elektron qəbul üzrə yazışmalar</td><td>5 il</td></tr>
<tr><td>Müraciət işləri</td><td>Dövlət arxivləri haqqında qaydalarla müəyyən edilən müddət</td></tr>
</tbody>
</table>
<h2>5. Sizin hüquqlarınız</h2>
<ul>
<li>şəxsi məlumatlarınızın emal olunub-olunmadığını və hansı məlumatların emal edildiyini bilmək;</li>
<li>yanlış məlumatların düzəldilməsini tələb etmək;</li>
<li>saxlanılması üçün qanuni əsas olmadıqda məlumatların silinməsini tələb etmək;</li>
<li>fərdi məlumatlar üzrə səlahiyyətli dövlət orqanına şikayət etmək.</li>
</ul>
<h2>6. Təhlükəsizlik</h2>
<p>Sayt şifrələnmiş bağlantı (HTTPS) üzərindən təqdim olunur. Şəxsi məlumatlara giriş yalnız səlahiyyətli əməkdaşlara açıqdır və qeydə alınır.</p>
<h2>7. Əlaqə</h2>
<p>Şəxsi məlumatlarla bağlı sorğuları <a href="mailto:info@migration.gov.az">info@migration.gov.az</a> ünvanına göndərə bilərsiniz.</p>
""".strip(),
}
