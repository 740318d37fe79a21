/**
 * The default public subset of matters offered through Open311 and the portal: common problems
 * residents report, seeded once with the reference data. An administrator then changes the
 * list freely (the seed never runs again once it has run, so a removed service stays removed).
 */
export interface DefaultOpen311Service {
  matterCode: string;
  nameEn: string;
  description: string;
  keywords: string;
}

export const DEFAULT_OPEN311_SERVICES: readonly DefaultOpen311Service[] = [
  {
    matterCode: '06010',
    nameEn: 'Exposed garbage',
    description: '道路、广场、绿地等公共场所暴露的生活垃圾、废弃物',
    keywords: '垃圾,环卫,garbage,litter',
  },
  {
    matterCode: '06042',
    nameEn: 'Overflowing garbage bin or station',
    description: '垃圾箱、垃圾桶、垃圾站满溢未及时清运',
    keywords: '垃圾箱,满溢,清运,bin,overflow',
  },
  {
    matterCode: '06012',
    nameEn: 'Dirty road',
    description: '道路有积土、污渍、油污等，保洁不到位',
    keywords: '道路,保洁,street cleaning',
  },
  {
    matterCode: '06013',
    nameEn: 'Damaged road',
    description: '道路路面坑洼、破损、塌陷',
    keywords: '坑洼,路面,pothole,road',
  },
  {
    matterCode: '06036',
    nameEn: 'Piled debris',
    description: '公共场所乱堆乱放杂物',
    keywords: '杂物,堆放,debris',
  },
  {
    matterCode: '06001',
    nameEn: 'Illegal construction',
    description: '未经许可或超出许可范围的私搭乱建',
    keywords: '违建,违章建筑,illegal building',
  },
  {
    matterCode: '06028',
    nameEn: 'Noise nuisance',
    description: '商业经营、娱乐活动等噪声扰民',
    keywords: '噪声,噪音,noise',
  },
  {
    matterCode: '06029',
    nameEn: 'Open-air barbecue',
    description: '占道露天烧烤，产生油烟污染',
    keywords: '烧烤,油烟,barbecue',
  },
  {
    matterCode: '06034',
    nameEn: 'Abandoned vehicle',
    description: '长期停放在公共区域的废弃车辆',
    keywords: '僵尸车,废弃车辆,abandoned vehicle',
  },
  {
    matterCode: '07001',
    nameEn: 'Illegal small ads',
    description: '乱张贴、乱涂写、乱刻画的小广告',
    keywords: '小广告,牛皮癣,graffiti,flyers',
  },
  {
    matterCode: '07003',
    nameEn: 'Non-compliant outdoor advertising',
    description: '未经审批或破损、存在安全隐患的户外广告',
    keywords: '广告牌,户外广告,billboard',
  },
  {
    matterCode: '08004',
    nameEn: 'Construction site dust',
    description: '施工工地未采取防尘措施，扬尘污染',
    keywords: '扬尘,工地,dust,construction',
  },
  {
    matterCode: '09005',
    nameEn: 'Business outside the shop',
    description: '沿街商铺超出门窗在店外经营、作业',
    keywords: '店外经营,出店经营,shop',
  },
  {
    matterCode: '09006',
    nameEn: 'Street vending on the road',
    description: '占用道路、人行道等公共场所摆摊经营',
    keywords: '占道经营,摊贩,vendor',
  },
  {
    matterCode: '09009',
    nameEn: 'Illegally parked motor vehicle',
    description: '机动车在人行道、绿地等处乱停乱放',
    keywords: '停车,乱停放,parking',
  },
  {
    matterCode: '09010',
    nameEn: 'Illegally parked bicycles and e-bikes',
    description: '非机动车乱停乱放，影响通行',
    keywords: '电动车,自行车,bicycle',
  },
  {
    matterCode: '01037',
    nameEn: 'Street light fault',
    description: '路灯不亮、损坏、倾斜',
    keywords: '路灯,照明,streetlight',
  },
  {
    matterCode: '01003',
    nameEn: 'Storm drain cover problem',
    description: '雨水井盖缺失、破损，或雨水口堵塞积水',
    keywords: '井盖,雨水口,积水,manhole,drain',
  },
];
