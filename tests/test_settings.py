from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import NordicClosingCommon


@tagged("post_install", "-at_install")
class TestSettings(NordicClosingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_no = cls._nordic_create_company("Nordic NO AS", "NO", "no")
        cls.company_se = cls._nordic_create_company("Nordic SE K2 AB", "SE", "se_K2")

    def test_defaults(self):
        company = self.company_se
        self.assertEqual(company.nordic_rule_97, "off")
        self.assertEqual(company.nordic_selling_cost_percent, 0.0)
        self.assertFalse(company.nordic_auto_closing)
        self.assertFalse(company.nordic_auto_closing_monthly)
        self.assertFalse(company.nordic_auto_post)
        self.assertFalse(company.nordic_obsolescence_band_ids)

    def test_rule_97_not_for_norway(self):
        for framework in ("NO_NGAAP_SMALL", "NO_NGAAP", "NO_IFRS"):
            self.company_no.nordic_closing_framework = framework
            for rule in ("contra", "reserve"):
                with self.assertRaises(ValidationError):
                    self.company_no.write({"nordic_rule_97": rule})
        self.company_no.nordic_rule_97 = "off"

    def test_rule_97_by_swedish_framework(self):
        # docs/valuation_rules.md sections 4 and 9: K1 contra only, K2 both,
        # K3 and IFRS reserve only.
        allowed = {
            "SE_K1": {"contra"},
            "SE_K2": {"contra", "reserve"},
            "SE_K3": {"reserve"},
            "SE_IFRS": {"reserve"},
        }
        company = self.company_se
        for framework, rules in allowed.items():
            for rule in ("contra", "reserve"):
                company.write(
                    {"nordic_closing_framework": framework, "nordic_rule_97": "off"}
                )
                if rule in rules:
                    company.write({"nordic_rule_97": rule})
                    self.assertEqual(company.nordic_rule_97, rule)
                else:
                    with self.assertRaises(ValidationError, msg=f"{framework} {rule}"):
                        company.write({"nordic_rule_97": rule})

    def test_rule_97_framework_change_checked(self):
        company = self.company_se
        company.write({"nordic_closing_framework": "SE_K2", "nordic_rule_97": "contra"})
        with self.assertRaises(ValidationError):
            company.nordic_closing_framework = "SE_K3"
        with self.assertRaises(ValidationError):
            company.nordic_closing_framework = "NO_NGAAP"

    def test_rule_97_needs_framework(self):
        company = self.company_se
        company.nordic_closing_framework = False
        with self.assertRaises(ValidationError):
            company.nordic_rule_97 = "contra"

    def test_selling_cost_percent_range(self):
        self.company_no.nordic_selling_cost_percent = 100.0
        self.company_no.nordic_selling_cost_percent = 2.5
        for value in (-1.0, 100.5):
            with (
                self.assertRaises(IntegrityError),
                mute_logger("odoo.sql_db"),
                self.env.cr.savepoint(),
            ):
                self.company_no.nordic_selling_cost_percent = value
                self.company_no.flush_recordset()

    def test_obsolescence_bands(self):
        Band = self.env["nordic.obsolescence.band"]
        Band.create(
            [
                {"company_id": self.company_no.id, "min_days": 730, "percent": 100.0},
                {"company_id": self.company_no.id, "min_days": 365, "percent": 50.0},
            ]
        )
        self.assertEqual(
            self.company_no._nordic_obsolescence_bands(), [(365, 50.0), (730, 100.0)]
        )
        # The same age in another company is another band.
        Band.create(
            {"company_id": self.company_se.id, "min_days": 365, "percent": 25.0}
        )
        self.assertEqual(self.company_se._nordic_obsolescence_bands(), [(365, 25.0)])

    def test_obsolescence_band_constraints(self):
        Band = self.env["nordic.obsolescence.band"]
        Band.create(
            {"company_id": self.company_no.id, "min_days": 180, "percent": 10.0}
        )
        invalid = [
            {"min_days": 0, "percent": 10.0},
            {"min_days": -30, "percent": 10.0},
            {"min_days": 90, "percent": -1.0},
            {"min_days": 90, "percent": 100.01},
            {"min_days": 180, "percent": 20.0},
        ]
        for vals in invalid:
            with (
                self.assertRaises(IntegrityError),
                mute_logger("odoo.sql_db"),
                self.env.cr.savepoint(),
            ):
                Band.create({"company_id": self.company_no.id, **vals})

    def test_settings_form(self):
        settings = (
            self.env["res.config.settings"].with_company(self.company_se).create({})
        )
        self.assertEqual(settings.nordic_closing_framework, "SE_K2")
        self.assertEqual(
            settings.nordic_closing_journal_id,
            self.company_se.nordic_closing_journal_id,
        )
        with Form(settings) as form:
            form.nordic_rule_97 = "reserve"
            form.nordic_selling_cost_percent = 5.0
            form.nordic_auto_closing = True
            form.nordic_auto_post = True
        form.record.execute()
        self.assertEqual(self.company_se.nordic_rule_97, "reserve")
        self.assertEqual(self.company_se.nordic_selling_cost_percent, 5.0)
        self.assertTrue(self.company_se.nordic_auto_closing)
        self.assertTrue(self.company_se.nordic_auto_post)
        self.assertFalse(self.company_no.nordic_auto_closing)

    def test_settings_actions(self):
        settings = (
            self.env["res.config.settings"].with_company(self.company_no).create({})
        )
        action = settings.action_nordic_open_obsolescence_bands()
        self.assertEqual(action["res_model"], "nordic.obsolescence.band")
        self.assertEqual(action["context"]["default_company_id"], self.company_no.id)
        record = self._nordic_class_account(self.company_no, "raw_material")
        record.balance_account_id = False
        action = settings.action_nordic_apply_account_mapping()
        self.assertEqual(action["res_model"], "nordic.stock.class.account")
        self.assertEqual(
            record.balance_account_id, self._nordic_account(self.company_no, "1400")
        )
