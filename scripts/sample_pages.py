"""English Terms for users and Privacy Policy of the sample data set."""

TERMS = {
    "slug": "terms",
    "title": "Terms for users",
    "updated": "2024-01-10",
    "body_html": """
<p>These terms apply to everyone who uses the website of the State Migration Service of the Republic of Azerbaijan (the "Service"), including its news, information pages and links to electronic services. By using the website you accept these terms.</p>
<h2>1. Purpose of the website</h2>
<p>The website informs citizens, foreigners and stateless persons about the work of the Service, migration legislation and the services the Service provides. Information on the website is provided for general guidance. The legal acts published in the official sources prevail over any summary on this website.</p>
<h2>2. Use of materials</h2>
<p>Texts and photographs published on the website may be reproduced, quoted and distributed free of charge, provided that:</p>
<ul>
<li>the source is indicated with a link to the original page;</li>
<li>the material is not changed in a way that distorts its meaning;</li>
<li>photographs credited to third parties are used only with their permission.</li>
</ul>
<p>The emblem and logo of the Service may not be used in a way that suggests official endorsement without written permission.</p>
<h2>3. Electronic services</h2>
<p>Applications for residence permits, registration at the place of stay, work permits and other services are submitted through the electronic services portal. Separate terms of use apply there, and you are responsible for the accuracy of the information you submit.</p>
<h2>4. Links to other websites</h2>
<p>The website contains links to websites of other state bodies and international organisations. The Service is not responsible for their content or for their handling of personal data.</p>
<h2>5. Availability</h2>
<p>The Service makes every effort to keep the website available and its information up to date, but does not guarantee uninterrupted access. Planned maintenance is announced in advance where possible.</p>
<h2>6. Contact</h2>
<p>Questions about these terms can be sent to <a href="mailto:info@migration.gov.az">info@migration.gov.az</a> or through the electronic reception of the Service.</p>
<h2>7. Changes to these terms</h2>
<p>The Service may update these terms. The date of the last update is shown at the top of this page.</p>
""".strip(),
}

PRIVACY = {
    "slug": "privacy",
    "title": "Privacy Policy",
    "updated": "2024-01-10",
    "body_html": """
<p>This policy explains what personal data the website of the State Migration Service of the Republic of Azerbaijan (the "Service") processes, why, and what rights you have. It is based on the Law of the Republic of Azerbaijan "On personal data".</p>
<h2>1. What we collect when you read the website</h2>
<p>Reading news and information pages does not require registration. The web server keeps technical logs (IP address, date and time, the page requested and the browser's identification) for up to 90 days, to protect the website against attacks and to fix faults. The logs are not used to identify visitors.</p>
<p>The website stores your language choice in your browser's local storage. It does not use advertising or tracking cookies.</p>
<h2>2. Data you send us</h2>
<p>When you write to the electronic reception or submit an application through the electronic services, we process the data you provide (such as your name, contact details and identity document data) only to consider your request or application, as required by the Migration Code and other legislation.</p>
<h2>3. Who receives the data</h2>
<p>Personal data is not sold or passed to third parties for commercial purposes. It may be shared with other state bodies only where the law requires it, for example to verify the documents submitted with an application.</p>
<h2>4. How long we keep it</h2>
<table>
<thead><tr><th>Data</th><th>Kept for</th></tr></thead>
<tbody>
<tr><td>Technical server logs</td><td>90 days</td></tr>
<tr><td>Electronic reception correspondence</td><td>5 years</td></tr>
<tr><td>Application files</td><td>As set by the rules on state archives</td></tr>
</tbody>
</table>
<h2>5. Your rights</h2>
<ul>
<li>to know whether and which of your personal data we process;</li>
<li>to ask for inaccurate data to be corrected;</li>
<li>to ask for data to be deleted when there is no legal ground to keep it;</li>
<li>to complain to the authorised state body on personal data.</li>
</ul>
<h2>6. Security</h2>
<p>The website is served over an encrypted connection (HTTPS). Access to personal data is restricted to authorised staff and logged.</p>
<h2>7. Contact</h2>
<p>Requests about personal data can be sent to <a href="mailto:info@migration.gov.az">info@migration.gov.az</a>.</p>
""".strip(),
}
