/**
 * Word lists for synthetic B2B data: people's names, company name parts, Australian (and some US/UK/NZ) places
 * with real postcodes and dialling plans, streets, job titles, free-mail domains, and the spellings CRMs use for
 * legal suffixes, states and abbreviations.
 */

const list = (text: string): readonly string[] => text.trim().split(/\s+/);

/** Canonical forms of every nickname group, a few nicknames that are given names in their own right, and names of many origins. */
export const firstNames = list(`
  Robert William Elizabeth Katherine Michael James John Richard Thomas Christopher Daniel Matthew Anthony Andrew
  Joseph David Steven Edward Charles Benjamin Samuel Nicholas Jonathan Timothy Patrick Alexander Gregory Peter
  Kenneth Ronald Donald Gerald Lawrence Raymond Francis Frederick Henry Albert Phillip Douglas Geoffrey Leonard
  Terence Barry Gary Darren Kevin Malcolm Stuart Nathaniel Zachary Joshua Jacob Sebastian Oliver Maxwell Dominic
  Vincent Lachlan Angus Cameron Bradley Jeremy Walter Arthur Ernest Eugene Mitchell Rodney Russell Clifford Wesley
  Alan Graham Neville Norman Reginald Trevor Ian Sean Louis George Mohammed Margaret Jennifer Jessica Rebecca
  Victoria Patricia Susan Deborah Christine Alexandra Natalie Jacqueline Kimberley Pamela Barbara Dorothy Judith
  Sharon Theresa Abigail Amanda Caroline Cynthia Eleanor Gabrielle Josephine Joanne Madeleine Penelope Rosemary
  Stephanie Valerie Anne Mary Helen Louise Isabella Olivia Charlotte Danielle Michelle Alison Frances Antonia Sarah
  Emily Georgina Samantha
  Jack Liam Kate Ben Sam Alex Max Charlie Ellie Josh Matt Tom Nick Katie Jess Steph Jenny Pete Tim Chris
  Emma Ava Mia Chloe Grace Ruby Sophie Zoe Lily Hannah Amelia Harper Matilda Evie Layla Claire Fiona Megan Lauren
  Rachel Kylie Tanya Leanne Melissa Nicole Kirsty Bronwyn Noah Ethan Hudson Harrison Jordan Connor Riley Tyler
  Hamish Callum Fraser Blake Brendan Craig Glenn Shane Troy Wayne Dean Scott Luke Mark Paul Adam Aaron Simon
  Wei Jing Li Mei Hui Xin Yan Ming Jun Hao Priya Raj Arjun Anjali Rahul Deepak Sanjay Ravi Vikram Sunita Kavya Neha
  Rohan Aisha Fatima Omar Ali Ahmed Hassan Tariq Zainab Leila Yasmin Noor Minh Thanh Linh Duc Huong Giovanni Marco
  Giuseppe Sofia Elena Dimitri Nikos Georgios Maria Ana Carlos Diego Juan Lucia Hiroshi Yuki Kenji Sakura Ji-woo
  Min-jun Seo-yeon Tane Aroha Mere Olga Ivan Piotr Katarzyna Siobhan Niamh Declan Aoife Rhys Dylan Cerys Kwame Amara
  Chidi José Zoë Renée Søren Björn Chloé
`);

/** About 400 surnames: Anglo-Celtic, Chinese, Vietnamese, Indian, Greek, Italian, Lebanese, Korean, Maori, European and more. */
export const surnames = list(`
  Smith Jones Williams Brown Wilson Taylor Johnson White Martin Anderson Thompson Nguyen Thomas Walker Harris Lee
  Ryan Robinson Kelly King Davis Wright Evans Roberts Green Hall Wood Jackson Clarke Patel Khan Lewis James Phillips
  Mitchell Turner Campbell Hughes Edwards Scott Morris Cook Baker Murphy Young Allen Hill Moore Clark Ward Stewart
  Cooper Morgan Bell Adams Price Watson Bennett Gray Russell Shaw Kennedy Murray Hunt Griffiths Palmer Fraser Mills
  Knight Webb Grant Richards Marshall Harvey Stevens Simpson Ellis Fletcher Reid Ross Lawson Dixon Porter Hamilton
  Gibson Graham Hudson Holmes Lloyd Ferguson Barnes Chapman Burns Fisher Dawson Johnston Henderson Cameron Elliott
  Sullivan Douglas Byrne Walsh Doyle McCarthy O'Brien O'Connor O'Neill O'Sullivan Gallagher Brennan Quinn Kavanagh
  McDonald MacKenzie McLeod McGregor MacDonald McKenzie Sinclair Buchanan Crawford Maxwell Wallace Robertson Munro
  Chen Wang Zhang Liu Li Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Luo Gao Zheng Liang Xie Tang Song Han
  Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu Ding Ren Shen Yao Wong Chan
  Cheung Lam Leung Ho Tran Le Pham Hoang Phan Vu Vo Dang Bui Do Ngo Duong Ly Truong Dinh Sharma Singh Kumar Gupta
  Mehta Reddy Iyer Nair Rao Das Bose Chatterjee Joshi Kapoor Malhotra Chopra Desai Shah Pillai Menon Fernando
  Perera Silva Jayasuriya Wickramasinghe D'Souza Fernandes Pereira Rodrigues Gomes Costa Santos Oliveira Almeida
  Papadopoulos Georgiou Nikolaidis Konstantinidis Dimitriou Pappas Karagiannis Vlahos Christodoulou Antoniou
  Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti Costello Mancini Lombardi
  Moretti Barbieri Fontana Santoro Mariani Rinaldi Caruso Ferrara Galli Martini Leone Longo Gentile Vitale Serra
  Khoury Haddad Nasser Saleh Hanna Awad Mansour Saad Ibrahim Hussein Abdullah Rahman Ahmed Hassan Ali Karim Aziz
  Kim Park Choi Jung Kang Cho Yoon Jang Lim Shin Oh Seo Kwon Hwang Ahn Yoo Tanaka Suzuki Takahashi
  Watanabe Ito Yamamoto Nakamura Kobayashi Sato Kato Ngata Parata Tipene Horomona Tuhiwai Paewai Rangi
  Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Wolf Neumann Schwarz
  Jansen DeVries Bakker Visser Smit Meijer Mulder Bos Vos Kowalski Nowak Wiśniewski Wójcik Kowalczyk Novak Horvat
  Petrović Jovanović Nikolić Kovač Ivanov Petrov Smirnov Popov Sokolov Garcia Rodriguez Martinez Hernandez Lopez
  Gonzalez Perez Sanchez Ramirez Torres Flores Rivera Gomez Diaz Reyes Morales Cruz Ortiz Gutierrez Chavez Ramos
  Mendoza Castillo Santiago Navarro Aquino Dela-Cruz Bautista Villanueva Mensah Okafor Adeyemi Okonkwo Mwangi
  Osei Banda Haile Tesfaye Mohamud Warsame Larsen Hansen Nielsen Pedersen Andersen Johansson Lindqvist Eriksson
  Virtanen Korhonen Bergström Dubois Lefebvre Moreau Laurent Girard Bonnet Mercier Fontaine Lambert Rousseau
  Vincent Ashworth Blackwood Carmichael Drummond Fairweather Goldsworthy Hargreaves Kingsley Langford Montgomery
  Northcott Pemberton Radcliffe Somerville Thornton Underwood Wadsworth Whitfield Yardley Abbott Atkinson Barker
  Barton Bishop Booth Bradley Burke Burton Carr Carter Chambers Cole Collins Cox Cunningham Davidson Day Dean
  Dunn Fitzgerald Ford Foster Fox Gardner Gordon Hart Hayes Hewitt Holland Howard Hunter Jenkins Kerr Lane Lynch
  Mason Matthews Miller Moss Newman Nicholson Owen Parker Payne Pearce Pearson Perry Powell Read Reynolds Rogers
  Rose Saunders Sharp Spencer Stone Sutton Tucker Wade Walters Warren Watts Webster West Wheeler Williamson Wills
`);

export interface Sector {
  industry: string;
  nouns: readonly string[];
  offering: string;
}

export const sectors: readonly Sector[] = [
  { industry: 'Construction', nouns: list('Building Builders Constructions Concreting Roofing Carpentry'), offering: 'commercial and residential building' },
  { industry: 'Facilities Services', nouns: list('Plumbing Electrical Cleaning Maintenance Glazing Painting'), offering: 'trade and maintenance services' },
  { industry: 'Engineering', nouns: list('Engineering Fabrication Surveying Hydraulics'), offering: 'engineering design and fabrication' },
  { industry: 'Manufacturing', nouns: list('Manufacturing Industries Plastics Packaging Metalworks'), offering: 'contract manufacturing' },
  { industry: 'Transportation & Logistics', nouns: list('Logistics Transport Freight Couriers Removals'), offering: 'freight and logistics' },
  { industry: 'Information Technology', nouns: list('Technologies Software Systems Digital Networks Cloud'), offering: 'software and managed IT services' },
  { industry: 'Accounting', nouns: list('Accounting Accountants Tax Bookkeeping'), offering: 'accounting, tax and advisory services' },
  { industry: 'Legal Services', nouns: list('Lawyers Legal Law Solicitors'), offering: 'commercial and property law' },
  { industry: 'Real Estate', nouns: list('Property Realty Estates Developments'), offering: 'property sales, leasing and management' },
  { industry: 'Financial Services', nouns: list('Finance Capital Wealth Investments Lending'), offering: 'lending and wealth management' },
  { industry: 'Hospitality', nouns: list('Catering Hospitality Hotels Kitchens Cafe'), offering: 'catering and hospitality' },
  { industry: 'Wholesale', nouns: list('Supplies Trading Wholesale Distributors Imports'), offering: 'wholesale supply and distribution' },
  { industry: 'Health Care', nouns: list('Health Medical Physiotherapy Dental Pharmacy'), offering: 'primary and allied health care' },
  { industry: 'Marketing & Advertising', nouns: list('Marketing Media Creative Advertising Design'), offering: 'marketing, branding and advertising' },
  { industry: 'Management Consulting', nouns: list('Consulting Management Advisory Consultants Strategy'), offering: 'management consulting' },
  { industry: 'Agriculture', nouns: list('Farms Agriculture Pastoral Produce Nurseries'), offering: 'farming and fresh produce' },
  { industry: 'Mining & Metals', nouns: list('Mining Resources Minerals Drilling Exploration'), offering: 'mining services and exploration' },
  { industry: 'Education', nouns: list('Education Training Academy Tutoring College'), offering: 'education and vocational training' },
  { industry: 'Automotive', nouns: list('Motors Automotive Tyres Mechanical'), offering: 'vehicle sales and servicing' },
  { industry: 'Architecture & Planning', nouns: list('Architects Architecture Interiors Planning'), offering: 'architecture and interior design' },
  { industry: 'Renewable Energy', nouns: list('Energy Solar Power Renewables'), offering: 'solar and energy solutions' },
  { industry: 'Staffing & Recruiting', nouns: list('Recruitment Staffing Personnel Careers'), offering: 'recruitment and labour hire' },
  { industry: 'Insurance', nouns: list('Insurance Underwriting Brokers'), offering: 'insurance broking' },
  { industry: 'Environmental Services', nouns: list('Environmental Waste Recycling Landscaping'), offering: 'waste, recycling and landscaping' },
  { industry: 'Security', nouns: list('Security Locksmiths Alarms Protection'), offering: 'security and fire protection' },
];

/** Distinctive words a company name is built around. */
export const companyWords = list(`
  Harbour Coastal Summit Pinnacle Apex Southern Northern Eastern Western Blue Red Green Gold Silver Ironbark Wattle
  Banksia Waratah Kookaburra Anchor Beacon Bridge Cedar Oak Redgum Bluegum Jarrah Acacia Aurora Horizon Meridian
  Compass Keystone Cornerstone Capstone Sterling Premier Prime Elite Vanguard Frontier Pioneer Heritage Legacy
  Liberty Unity Alliance Atlas Titan Phoenix Falcon Eagle Hawk Kestrel Osprey Pelican Dolphin Coral Reef Tide Wave
  Sandstone Bluestone Granite Quartz Opal Sapphire Emerald Diamond Crystal Riverside Lakeside Bayside Hillside
  Parkside Highland Valley Ridge Peak Crest Outback Sunrise Sunset Polaris Orion Nova Zenith Vertex Matrix Vector
  Quantum Fusion Spark Bright Clear True Swift Rapid Precision Quality Reliable Allied United National Metro Urban
  Central Pacific Tasman Murray Hunter Yarra Swan Derwent Torrens Greenfield Greenway Northpoint Eastside Westside
  Southgate Kingsway Oakleigh Elmwood Maple Willow Birch Cypress Laurel Ivy Magnolia Jacaranda Lyrebird Wombat
  Platypus Echidna Brolga Galah Rosella Magpie Boomerang Bluewater Clearwater Freshwater Saltwater Stillwater
  Blackwood Redwood Ironwood Goldfield Silverleaf Evergreen Fairway Highpoint Lighthouse Keel Mainsail Anchorage
  Wharf Jetty Quay Arcadia Avalon Everest Olympus Endeavour Discovery Resolute Trident Sovereign Regal Crown Royal
  Empire Imperial Monarch Paragon Optimum Ultimate Infinity Momentum Catalyst Synergy Nexus Axis Core Pivot Origin
`);

/** Words that pad a name without distinguishing it ("Services", "Group"); a look-alike differs in these. */
export const genericWords = list('Services Group Holdings Solutions Australia International Partners Enterprises Associates Company');

/** Regions and cities used as the first word of "<Place> <Word> <Noun>" names. */
export const placeWords: readonly string[] = [
  'Sydney', 'Melbourne', 'Brisbane', 'Perth', 'Adelaide', 'Hobart', 'Canberra', 'Darwin', 'Newcastle', 'Geelong',
  'Hunter', 'Illawarra', 'Gippsland', 'Riverina', 'Mornington', 'Barossa', 'Kimberley', 'Pilbara', 'Goldfields',
  'Wimmera', 'Tweed', 'Sunshine Coast', 'Gold Coast', 'Central Coast', 'Northern Rivers', 'Hills District',
  'Inner West', 'North Shore', 'Eastern Suburbs', 'South East', 'Top End', 'Far North', 'Great Southern',
];

export type StateCode = 'NSW' | 'VIC' | 'QLD' | 'WA' | 'SA' | 'TAS' | 'ACT' | 'NT';
export type CountryCode = 'AU' | 'US' | 'GB' | 'NZ';

export interface City {
  city: string;
  state: string;
  postcode: string;
  country: CountryCode;
  /** E.164 prefix of local landlines, e.g. '+612' for Sydney. */
  dialPrefix: string;
  /** Leading digits a local number may start with (all valid for the area), and its length without the prefix. */
  localStarts: readonly string[];
  localLength: number;
}

const AU_DIALLING: Record<StateCode, Pick<City, 'dialPrefix' | 'localStarts' | 'localLength'>> = {
  NSW: { dialPrefix: '+612', localStarts: ['9', '8'], localLength: 8 },
  ACT: { dialPrefix: '+612', localStarts: ['61', '62'], localLength: 8 },
  VIC: { dialPrefix: '+613', localStarts: ['9', '8'], localLength: 8 },
  TAS: { dialPrefix: '+613', localStarts: ['62', '63', '64'], localLength: 8 },
  QLD: { dialPrefix: '+617', localStarts: ['3', '4', '5'], localLength: 8 },
  WA: { dialPrefix: '+618', localStarts: ['92', '93', '94', '95', '96', '97', '98', '99', '61', '62', '64'], localLength: 8 },
  SA: { dialPrefix: '+618', localStarts: ['8', '7'], localLength: 8 },
  NT: { dialPrefix: '+618', localStarts: ['89'], localLength: 8 },
};

const au = (city: string, state: StateCode, postcode: string): City => ({ city, state, postcode, country: 'AU', ...AU_DIALLING[state] });

export const australianCities: readonly City[] = [
  au('Sydney', 'NSW', '2000'), au('Parramatta', 'NSW', '2150'), au('North Sydney', 'NSW', '2060'), au('Chatswood', 'NSW', '2067'),
  au('Surry Hills', 'NSW', '2010'), au('Pyrmont', 'NSW', '2009'), au('Macquarie Park', 'NSW', '2113'), au('Liverpool', 'NSW', '2170'),
  au('Penrith', 'NSW', '2750'), au('Blacktown', 'NSW', '2148'), au('Hornsby', 'NSW', '2077'), au('Bondi Junction', 'NSW', '2022'),
  au('Newcastle', 'NSW', '2300'), au('Wollongong', 'NSW', '2500'), au('Gosford', 'NSW', '2250'), au('Wagga Wagga', 'NSW', '2650'),
  au('Albury', 'NSW', '2640'), au('Orange', 'NSW', '2800'), au('Dubbo', 'NSW', '2830'), au('Tamworth', 'NSW', '2340'),
  au('Coffs Harbour', 'NSW', '2450'), au('Port Macquarie', 'NSW', '2444'),
  au('Melbourne', 'VIC', '3000'), au('Southbank', 'VIC', '3006'), au('Docklands', 'VIC', '3008'), au('Richmond', 'VIC', '3121'),
  au('South Yarra', 'VIC', '3141'), au('Collingwood', 'VIC', '3066'), au('Box Hill', 'VIC', '3128'), au('Dandenong', 'VIC', '3175'),
  au('Frankston', 'VIC', '3199'), au('Geelong', 'VIC', '3220'), au('Ballarat', 'VIC', '3350'), au('Bendigo', 'VIC', '3550'),
  au('Shepparton', 'VIC', '3630'), au('Mildura', 'VIC', '3500'),
  au('Brisbane', 'QLD', '4000'), au('Fortitude Valley', 'QLD', '4006'), au('Southport', 'QLD', '4215'), au('Surfers Paradise', 'QLD', '4217'),
  au('Maroochydore', 'QLD', '4558'), au('Ipswich', 'QLD', '4305'), au('Toowoomba', 'QLD', '4350'), au('Cairns', 'QLD', '4870'),
  au('Townsville', 'QLD', '4810'), au('Mackay', 'QLD', '4740'), au('Rockhampton', 'QLD', '4700'),
  au('Perth', 'WA', '6000'), au('West Perth', 'WA', '6005'), au('Subiaco', 'WA', '6008'), au('Fremantle', 'WA', '6160'),
  au('Joondalup', 'WA', '6027'), au('Bunbury', 'WA', '6230'), au('Mandurah', 'WA', '6210'), au('Kalgoorlie', 'WA', '6430'),
  au('Adelaide', 'SA', '5000'), au('Norwood', 'SA', '5067'), au('Port Adelaide', 'SA', '5015'), au('Mount Gambier', 'SA', '5290'),
  au('Hobart', 'TAS', '7000'), au('Launceston', 'TAS', '7250'), au('Devonport', 'TAS', '7310'),
  au('Canberra', 'ACT', '2600'), au('Belconnen', 'ACT', '2617'), au('Fyshwick', 'ACT', '2609'),
  au('Darwin', 'NT', '0800'), au('Palmerston', 'NT', '0830'), au('Alice Springs', 'NT', '0870'),
];

const US_STARTS = list('2 3 4 6 7 8 9');
const us = (city: string, state: string, postcode: string, area: string): City =>
  ({ city, state, postcode, country: 'US', dialPrefix: `+1${area}`, localStarts: US_STARTS, localLength: 7 });

export const foreignCities: Readonly<Record<Exclude<CountryCode, 'AU'>, readonly City[]>> = {
  US: [
    us('New York', 'NY', '10001', '212'), us('San Francisco', 'CA', '94105', '415'), us('Los Angeles', 'CA', '90012', '213'),
    us('Chicago', 'IL', '60601', '312'), us('Austin', 'TX', '78701', '512'), us('Seattle', 'WA', '98101', '206'),
    us('Boston', 'MA', '02108', '617'), us('Denver', 'CO', '80202', '303'),
  ],
  GB: [
    { city: 'London', state: 'Greater London', postcode: 'EC1A 1BB', country: 'GB', dialPrefix: '+4420', localStarts: ['7', '3'], localLength: 8 },
    { city: 'Manchester', state: 'Greater Manchester', postcode: 'M1 1AE', country: 'GB', dialPrefix: '+44161', localStarts: ['2', '8'], localLength: 7 },
    { city: 'Birmingham', state: 'West Midlands', postcode: 'B1 1BB', country: 'GB', dialPrefix: '+44121', localStarts: ['2', '3', '4'], localLength: 7 },
    { city: 'Leeds', state: 'West Yorkshire', postcode: 'LS1 4AP', country: 'GB', dialPrefix: '+44113', localStarts: ['2', '3'], localLength: 7 },
    { city: 'Edinburgh', state: 'Scotland', postcode: 'EH1 1YZ', country: 'GB', dialPrefix: '+44131', localStarts: ['2', '3', '4', '5'], localLength: 7 },
  ],
  NZ: [
    { city: 'Auckland', state: 'Auckland', postcode: '1010', country: 'NZ', dialPrefix: '+649', localStarts: ['3', '4', '5', '6', '8'], localLength: 7 },
    { city: 'Wellington', state: 'Wellington', postcode: '6011', country: 'NZ', dialPrefix: '+644', localStarts: ['4', '8', '9'], localLength: 7 },
    { city: 'Christchurch', state: 'Canterbury', postcode: '8011', country: 'NZ', dialPrefix: '+643', localStarts: ['3', '9'], localLength: 7 },
    { city: 'Hamilton', state: 'Waikato', postcode: '3204', country: 'NZ', dialPrefix: '+647', localStarts: ['8', '3'], localLength: 7 },
    { city: 'Dunedin', state: 'Otago', postcode: '9016', country: 'NZ', dialPrefix: '+643', localStarts: ['4', '7'], localLength: 7 },
  ],
};

/** Mobile numbering per country: E.164 prefix, valid leading digits, length after the prefix. */
export const mobilePlans: Readonly<Record<CountryCode, Pick<City, 'dialPrefix' | 'localStarts' | 'localLength'>>> = {
  AU: { dialPrefix: '+614', localStarts: ['0', '1', '2', '3'], localLength: 8 },
  US: { dialPrefix: '+1', localStarts: ['2125', '4152', '6463', '9174', '3127', '5124', '2068', '6179'], localLength: 10 },
  GB: { dialPrefix: '+447', localStarts: ['1', '2', '3'], localLength: 9 },
  NZ: { dialPrefix: '+6421', localStarts: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], localLength: 7 },
};

export const countryNames: Readonly<Record<CountryCode, readonly string[]>> = {
  AU: ['Australia', 'AUS', 'AU'],
  US: ['United States', 'USA', 'US', 'United States of America'],
  GB: ['United Kingdom', 'UK', 'GB', 'England'],
  NZ: ['New Zealand', 'NZ'],
};

export const australianStateNames: Readonly<Record<StateCode, string>> = {
  NSW: 'New South Wales', VIC: 'Victoria', QLD: 'Queensland', WA: 'Western Australia', SA: 'South Australia',
  TAS: 'Tasmania', ACT: 'Australian Capital Territory', NT: 'Northern Territory',
};

export const usStateNames: Readonly<Record<string, string>> = {
  NY: 'New York', CA: 'California', IL: 'Illinois', TX: 'Texas', WA: 'Washington', MA: 'Massachusetts', CO: 'Colorado',
};

export const streetNames = list(`
  George Pitt Collins Bourke Flinders Elizabeth King Queen William Market Church High Victoria Albert Park Station
  Railway Main Bridge Mill Hill Beach Ocean Pacific Princes Hume Anzac Military Oxford Bay Harbour Wharf Murray Hay
  Adelaide Ann Edward Wickham Grenfell Rundle Hindley Macquarie Sussex Kent Clarence York Castlereagh Phillip Bligh
  Barrack Spring Exhibition Swanston Lonsdale Chapel Glenferrie Burwood Canterbury Stirling Wellington Brunswick
  Smith Johnston Gertrude Chalmers Riley Lygon Sydney Forest Gipps Bank Commercial Industrial Enterprise
`);

/** Street types as reference data spells them, with the abbreviation CRMs often hold. */
export const streetTypes: readonly (readonly [full: string, short: string])[] = [
  ['Street', 'St'], ['Street', 'St'], ['Street', 'St'], ['Road', 'Rd'], ['Road', 'Rd'], ['Avenue', 'Ave'], ['Drive', 'Dr'],
  ['Parade', 'Pde'], ['Lane', 'Ln'], ['Place', 'Pl'], ['Crescent', 'Cres'], ['Highway', 'Hwy'], ['Boulevard', 'Blvd'],
  ['Terrace', 'Tce'], ['Court', 'Ct'], ['Close', 'Cl'], ['Circuit', 'Cct'], ['Esplanade', 'Esp'], ['Square', 'Sq'],
];

export const jobTitles: readonly string[] = [
  'Chief Executive Officer', 'Managing Director', 'Chief Financial Officer', 'Chief Operating Officer',
  'Chief Technology Officer', 'Chief Information Officer', 'General Manager', 'Operations Manager', 'Finance Manager',
  'Financial Controller', 'Sales Manager', 'National Sales Manager', 'Account Manager', 'Key Account Manager',
  'Business Development Manager', 'Marketing Manager', 'Marketing Coordinator', 'Digital Marketing Specialist',
  'Office Manager', 'Practice Manager', 'Human Resources Manager', 'Human Resources Business Partner', 'Payroll Officer',
  'Procurement Manager', 'Purchasing Officer', 'Project Manager', 'Senior Project Manager', 'Site Supervisor',
  'Estimator', 'Contracts Administrator', 'Software Engineer', 'Senior Software Engineer', 'IT Manager',
  'Systems Administrator', 'Data Analyst', 'Business Analyst', 'Product Manager', 'Customer Service Manager',
  'Customer Success Manager', 'Administration Officer', 'Executive Assistant', 'Receptionist', 'Accountant',
  'Senior Accountant', 'Bookkeeper', 'Solicitor', 'Partner', 'Director', 'Associate Director', 'Head of Sales',
  'Head of Marketing', 'Head of Operations', 'Vice President of Sales', 'Vice President, Engineering',
  'Warehouse Manager', 'Logistics Coordinator', 'Workshop Manager', 'Principal Consultant', 'Senior Consultant',
  'Consultant', 'Owner', 'Founder', 'Co-Founder', 'Company Secretary', 'Compliance Manager',
  'Quality Assurance Manager', 'Work Health and Safety Manager',
];

/** How people shorten job titles in a CRM. */
export const jobTitleAbbreviations: readonly (readonly [long: string, short: string])[] = [
  ['Chief Executive Officer', 'CEO'], ['Chief Financial Officer', 'CFO'], ['Chief Operating Officer', 'COO'],
  ['Chief Technology Officer', 'CTO'], ['Chief Information Officer', 'CIO'], ['Managing Director', 'MD'],
  ['General Manager', 'GM'], ['Business Development Manager', 'BDM'], ['Human Resources', 'HR'],
  ['Vice President', 'VP'], ['Executive Assistant', 'EA'], ['Information Technology', 'IT'], ['Senior', 'Sr'],
  ['Manager', 'Mgr'], ['Administration', 'Admin'], ['Work Health and Safety', 'WHS'], ['Coordinator', 'Co-ordinator'],
];

/** Free-mail providers, most common first (weighted by repetition). */
export const freeMailDomains = list(`
  gmail.com gmail.com gmail.com gmail.com outlook.com outlook.com hotmail.com hotmail.com yahoo.com bigpond.com
  bigpond.com icloud.com live.com.au optusnet.com.au
`);

/** Top-level domains per country, weighted by repetition. */
export const topLevelDomains: Readonly<Record<CountryCode, readonly string[]>> = {
  AU: list('com.au com.au com.au com.au com.au com.au com.au com.au com.au com.au com.au com.au com.au com.au com.au com.au com net.au net.au io'),
  US: list('com com com com com com com io net co'),
  GB: list('co.uk co.uk co.uk co.uk co.uk com com io'),
  NZ: list('co.nz co.nz co.nz co.nz co.nz com'),
};

/** Word abbreviations seen in company names. */
export const nameAbbreviations: readonly (readonly [full: string, short: string])[] = [
  ['International', 'Intl'], ['Services', 'Svcs'], ['Company', 'Co'], ['Corporation', 'Corp'], ['Brothers', 'Bros'],
  ['Manufacturing', 'Mfg'], ['Australia', 'Aust'], ['Engineering', 'Eng'], ['Technologies', 'Tech'],
  ['Associates', 'Assoc'], ['Management', 'Mgmt'], ['Holdings', 'Hldgs'],
];

/** Every spelling of a legal suffix a CRM may hold. */
export const legalSuffixes: readonly string[] = [
  'Pty Ltd', 'Pty. Ltd.', 'P/L', 'Proprietary Limited', 'Limited', 'Ltd', 'Inc', 'Inc.', 'LLC', 'Corp', 'Co',
];

/** Legal suffixes in reference data (the full form), weighted by repetition, per country. */
export const referenceLegalSuffixes: Readonly<Record<CountryCode, readonly string[]>> = {
  AU: ['Pty Ltd', 'Pty Ltd', 'Pty Ltd', 'Pty Ltd', 'Pty Ltd', 'Pty Ltd', 'Pty Ltd', 'Pty Ltd', 'Pty Ltd', 'Limited'],
  US: ['Inc', 'Inc', 'Inc', 'LLC', 'LLC', 'Corporation'],
  GB: ['Ltd', 'Ltd', 'Limited'],
  NZ: ['Limited', 'Limited', 'Ltd'],
};

/** Legal suffixes CRM users type for a company of each country ('' = none). */
export const crmLegalSuffixes: Readonly<Record<CountryCode, readonly string[]>> = {
  AU: ['', '', '', 'Pty Ltd', 'Pty. Ltd.', 'P/L', 'PTY LTD', 'Pty Limited', 'Proprietary Limited', 'Ltd', 'Limited'],
  US: ['', '', 'Inc', 'Inc.', 'LLC', 'Corp', 'Corp.', 'Co'],
  GB: ['', '', 'Ltd', 'Ltd.', 'Limited', 'LTD'],
  NZ: ['', '', 'Ltd', 'Limited', 'LTD'],
};
